import './lead-form.css'
import { FieldError, fieldErrorProps } from '../../ui/FieldError'
import type { FormErrors } from './draft-from-form'
import type { CustomField, LeadFormState } from './lead-form-state'

interface Props {
  field: CustomField
  values: LeadFormState['customFields']
  onChange: (key: string, value: string | string[]) => void
  currencies: readonly { code: string }[]
  defaultCurrency: string
  errors: FormErrors
  baseId: string
}

/** One custom field of the company's deal fields, with the input its type calls for. */
export function CustomFieldInput(props: Props) {
  const { field, values, onChange, errors, baseId } = props
  const inputId = `${baseId}-cf-${field.key}`
  const error = fieldErrorProps(errors, `customFields.${field.key}`, baseId)
  const text = typeof values[field.key] === 'string' ? (values[field.key] as string) : ''
  const common = {
    id: inputId,
    className: 'text-input',
    ...error.invalid,
  }

  if (field.fieldType === 'set') {
    const chosen = Array.isArray(values[field.key]) ? (values[field.key] as string[]) : []
    return (
      <fieldset className="new-lead__field">
        <legend>{field.name}</legend>
        <span className="new-lead__options">
          {field.options?.map((option) => (
            <label key={option.id} className="check-toggle">
              <input
                type="checkbox"
                checked={chosen.includes(String(option.id))}
                onChange={(event) =>
                  onChange(
                    field.key,
                    event.target.checked
                      ? [...chosen, String(option.id)]
                      : chosen.filter((other) => other !== String(option.id)),
                  )
                }
                {...error.invalid}
              />
              {option.label}
            </label>
          ))}
        </span>
        <FieldError id={error.id} message={error.message} />
      </fieldset>
    )
  }

  const input = (() => {
    switch (field.fieldType) {
      case 'text':
        return (
          <textarea
            {...common}
            rows={3}
            value={text}
            onChange={(event) => onChange(field.key, event.target.value)}
          />
        )
      case 'double':
        return (
          <input
            {...common}
            inputMode="decimal"
            value={text}
            onChange={(event) => onChange(field.key, event.target.value)}
          />
        )
      case 'date':
        return (
          <input
            {...common}
            type="date"
            value={text}
            onChange={(event) => onChange(field.key, event.target.value)}
          />
        )
      case 'enum':
        return (
          <select
            {...common}
            value={text}
            onChange={(event) => onChange(field.key, event.target.value)}
          >
            <option value="">None</option>
            {field.options?.map((option) => (
              <option key={option.id} value={String(option.id)}>
                {option.label}
              </option>
            ))}
          </select>
        )
      case 'monetary': {
        const currencyKey = `${field.key}_currency`
        const currency =
          typeof values[currencyKey] === 'string' ? values[currencyKey] : props.defaultCurrency
        return (
          <span className="new-lead__money">
            <input
              {...common}
              inputMode="decimal"
              value={text}
              onChange={(event) => {
                onChange(field.key, event.target.value)
                // The currency shown is the one sent, also when left at the default.
                if (typeof values[currencyKey] !== 'string') onChange(currencyKey, currency)
              }}
            />
            <select
              className="text-input"
              aria-label={`${field.name} currency`}
              value={currency}
              onChange={(event) => onChange(currencyKey, event.target.value)}
            >
              {props.currencies.map((option) => (
                <option key={option.code} value={option.code}>
                  {option.code}
                </option>
              ))}
            </select>
          </span>
        )
      }
      default:
        return (
          <input
            {...common}
            value={text}
            onChange={(event) => onChange(field.key, event.target.value)}
          />
        )
    }
  })()

  return (
    <div className="new-lead__field">
      <label htmlFor={inputId}>{field.name}</label>
      {input}
      <FieldError id={error.id} message={error.message} />
    </div>
  )
}
