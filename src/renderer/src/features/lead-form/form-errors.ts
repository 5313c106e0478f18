import type { FormErrors } from './draft-from-form'

/**
 * The input a message belongs next to, from the path main or the schema names: `labelIds.0`
 * is the label picker, `value.currency` the value, `customFields.<key>_currency` its field,
 * `person.id` the person picker, `activity.type` the next activity's type. A path the form has no input for goes to the form as a whole.
 */
export function inputFor(path: string): string {
  const [head, second] = path.split('.')
  switch (head) {
    case 'title':
    case 'ownerId':
    case 'labelIds':
    case 'expectedCloseDate':
    case 'visibleTo':
    case 'wasSeen':
    case 'note':
    case 'value':
      return head
    case 'person':
      return second === 'name' || second === 'email' || second === 'phone'
        ? `person.${second}`
        : 'person'
    case 'organization':
      return second === 'name' ? 'organization.name' : 'organization'
    case 'activity':
      return second === 'subject' || second === 'dueDate' || second === 'dueTime'
        ? `activity.${second}`
        : 'activity.type'
    case 'customFields':
      return second ? `customFields.${second.replace(/_currency$/, '')}` : 'form'
    case undefined:
    default:
      return 'form'
  }
}

/** Messages by input; the first message for an input wins, as the schema lists them. */
export function errorsByInput(errors: FormErrors | undefined): FormErrors {
  const byInput: FormErrors = {}
  for (const [path, message] of Object.entries(errors ?? {})) byInput[inputFor(path)] ??= message
  return byInput
}
