import { inspect } from 'node:util'

const hidden = '[redacted]'

/**
 * A token or password in memory. It prints, logs and serializes as "[redacted]" however
 * it is handled; only `reveal()` gives the value, at the one place that must send it.
 */
export class Secret {
  readonly #value: string

  constructor(value: string) {
    this.#value = value
  }

  reveal(): string {
    return this.#value
  }

  toJSON(): string {
    return hidden
  }

  toString(): string {
    return hidden
  }

  [inspect.custom](): string {
    return hidden
  }
}
