import { useEffect, useState } from 'react'

/** The time, again each minute: a next activity due at 10:00 shows overdue from 10:01. */
export function useMinuteClock(): number {
  const [now, setNow] = useState(Date.now)
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000)
    return () => clearInterval(timer)
  }, [])
  return now
}
