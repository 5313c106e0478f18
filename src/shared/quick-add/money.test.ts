import { describe, expect, it } from 'vitest'
import { parseQuickAdd } from './parse'
import { sampleContext, sampleCurrencies } from './sample-catalog'

const context = sampleContext()

const moneyOf = (input: string, ctx = context) => {
  const chip = parseQuickAdd(input, ctx).chips.find((found) => found.kind === 'money')
  return chip?.kind === 'money' ? `${chip.amount} ${chip.currency} "${chip.text}"` : undefined
}

describe('money forms', () => {
  it.each([
    ['5k', '5000 EUR "5k"'],
    ['5K', '5000 EUR "5K"'],
    ['1.2m', '1200000 EUR "1.2m"'],
    ['1.1k', '1100 EUR "1.1k"'],
    ['3,5k', '3500 EUR "3,5k"'],
    ['5000 EUR', '5000 EUR "5000 EUR"'],
    ['5k EUR', '5000 EUR "5k EUR"'],
    ['EUR 5k', '5000 EUR "EUR 5k"'],
    ['USD 1200', '1200 USD "USD 1200"'],
    ['1,200 USD', '1200 USD "1,200 USD"'],
    ['€5,000', '5000 EUR "€5,000"'],
    ['€ 5,000', '5000 EUR "€ 5,000"'],
    ['5000€', '5000 EUR "5000€"'],
    ['5k€', '5000 EUR "5k€"'],
    ['EUR5k', '5000 EUR "EUR5k"'],
    ['5kEUR', '5000 EUR "5kEUR"'],
    ['5MAD', '5 MAD "5MAD"'],
    ['5M', '5000000 EUR "5M"'],
    ['£2k', '2000 GBP "£2k"'],
    ['¥1.5k', '1500 JPY "¥1.5k"'],
    ['JPY 1.5', '2 JPY "JPY 1.5"'],
    ['BHD 1.2345', '1.235 BHD "BHD 1.2345"'],
    ['CHF 900', '900 CHF "CHF 900"'],
    ['200 kr', '200 SEK "200 kr"'],
    ['1.234,56 EUR', '1234.56 EUR "1.234,56 EUR"'],
    ['1.500 EUR', '1500 EUR "1.500 EUR"'],
    ['1.500k', '1500 EUR "1.500k"'],
    ['1,234,567.89 USD', '1234567.89 USD "1,234,567.89 USD"'],
    ['5 000 EUR', '5000 EUR "5 000 EUR"'],
    ['1 250 000 EUR', '1250000 EUR "1 250 000 EUR"'],
    ['5 000€', '5000 EUR "5 000€"'],
    ['5 ALL', '5 ALL "5 ALL"'],
    ['0 EUR', '0 EUR "0 EUR"'],
    ['Renewal 5k, then', '5000 EUR "5k"'],
  ])('%j is %s', (input, expected) => {
    expect(moneyOf(input)).toBe(expected)
  })
})

describe('what is not money', () => {
  it.each([
    ['a year', 'Acme 2024 renewal'],
    ['a bare number', 'Pilot for 12 seats'],
    ['a lower-case code standing alone', 'Send 5 all'],
    ['a lower-case code glued on', '500kgs of steel'],
    ['a phone number', 'Call +49 151 2345678'],
    ['a percentage', 'Discount 20%'],
    ['a code nobody has', '5 XYZ'],
    ['a number too large to be exact', '99999999999999999999 EUR'],
    ['grouped digits without a currency', 'Order 5 000 units'],
    ['a negative amount', '-5k'],
    ['a quoted amount', '"5k EUR"'],
  ])('%s: %j', (_, input) => {
    expect(moneyOf(input)).toBeUndefined()
  })
})

describe('currencies', () => {
  it('takes only the first money expression', () => {
    const parsed = parseQuickAdd('5k EUR then $2k', context)
    expect(parsed.chips.filter((chip) => chip.kind === 'money')).toHaveLength(1)
    expect(parsed.title).toBe('then $2k')
  })

  it('reads $ as USD when the list has it, though CAD comes first', () => {
    expect(moneyOf('$5k')).toBe('5000 USD "$5k"')
  })

  it("reads $ as the user's own dollar when the default currency has that symbol", () => {
    expect(moneyOf('$5k', sampleContext(undefined, undefined, { defaultCurrency: 'CAD' }))).toBe(
      '5000 CAD "$5k"',
    )
  })

  it('reads $ as the first dollar listed when there is no USD', () => {
    const currencies = sampleCurrencies.filter((currency) => currency.code !== 'USD')
    expect(moneyOf('$5k', sampleContext(undefined, undefined, { currencies }))).toBe(
      '5000 CAD "$5k"',
    )
  })

  it('uses the default currency for a bare 5k even when it is not in the list', () => {
    const ctx = sampleContext(undefined, undefined, { defaultCurrency: 'NOK' })
    expect(moneyOf('5k', ctx)).toBe('5000 NOK "5k"')
  })

  it('counts only codes the context lists', () => {
    expect(moneyOf('5 NOK')).toBeUndefined()
  })
})
