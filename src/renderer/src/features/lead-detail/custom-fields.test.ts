import { describe, expect, it } from 'vitest'
import { customFieldsOf } from './custom-fields'

const fields = [
  { key: 'ref', name: 'Lead reference', fieldType: 'varchar', options: null },
  {
    key: 'segment',
    name: 'Segment',
    fieldType: 'enum',
    options: [
      { id: 190, label: 'Wholesale' },
      { id: 191, label: 'Retail' },
    ],
  },
  {
    key: 'products',
    name: 'Products',
    fieldType: 'set',
    options: [
      { id: 301, label: 'Trucks' },
      { id: 303, label: 'Leasing' },
    ],
  },
  { key: 'empty', name: 'Empty', fieldType: 'varchar', options: null },
]

describe('customFieldsOf', () => {
  it('names each field and shows options by their labels, leaving out empty ones', () => {
    const shown = customFieldsOf(
      { customFields: { ref: 'LBX-1', segment: 190, products: '301,303', empty: '', other: 1 } },
      fields,
    )
    expect(shown.map(({ name, value }) => [name, value])).toEqual([
      ['Lead reference', 'LBX-1'],
      ['Segment', 'Wholesale'],
      ['Products', 'Trucks, Leasing'],
    ])
  })

  it('reads a set given as an array too', () => {
    expect(customFieldsOf({ customFields: { products: [303] } }, fields)[0]?.value).toBe('Leasing')
  })
})
