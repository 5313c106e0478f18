import type { DatabaseHealth } from './ipc/contract'

type Recovered = Extract<DatabaseHealth, { status: 'recovered' }>

const changes = (count: number) => (count === 1 ? '1 change' : `${count} changes`)

/**
 * What the user is told after a damaged database was set aside: where it went, and what of
 * the work not yet in Pipedrive came back. One wording for every place that says it; the
 * technical reason is shown apart, for whoever looks into it.
 */
export function databaseRecoveryReport(health: Recovered): string {
  const setAside = `Leadbox's database was damaged. It was set aside as ${health.movedAsideAs}`
  const keep = 'Keep that file if you need them back.'
  if (!health.readable) {
    return `${setAside}, but nothing could be read from it: changes that were waiting to be sent to Pipedrive are not in the new database. ${keep}`
  }
  const { changesRecovered: recovered, changesUnreadable: unreadable } = health
  const cachesNote =
    'Your settings and account were kept; leads and contacts are read again from Pipedrive.'
  if (recovered === 0 && unreadable === 0) {
    return `${setAside}; it held no changes waiting to be sent to Pipedrive. ${cachesNote}`
  }
  const outcome =
    recovered === 0
      ? `${setAside}, and ${changes(unreadable)} not yet sent to Pipedrive could not be read.`
      : `${setAside}, and ${changes(recovered)} not yet sent to Pipedrive ${recovered === 1 ? 'was' : 'were'} recovered${
          unreadable > 0 ? `; ${unreadable} could not be read.` : '.'
        }`
  return unreadable > 0 ? `${outcome} ${keep} ${cachesNote}` : `${outcome} ${cachesNote}`
}
