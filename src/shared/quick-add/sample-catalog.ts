import type { ActivityTypeEntry } from './activity'
import { createCatalogIndex } from './catalog'
import { readPhoneNumber } from './phone-numbers'
import type { CatalogEntry, Currency, LeadLabel, QuickAddContext } from './types'

/**
 * Made-up people and companies for the tests and the benchmark, the same on every run. The
 * app never imports this.
 */

/** One comma-separated list per kind of word: shorter to read than one string per line. */
function list(text: string): string[] {
  return text
    .split(',')
    .map((word) => word.trim())
    .filter((word) => word !== '')
}

const firstNames = list(`
  Jane, John, Jan, Janet, José, Zoë, Łukasz, Björn, Ana, Chloé, François, Jürgen, Søren,
  Ngozi, Wei, Priya, Hiroshi, Maria, Mario, Marta, Mark, Anna, Anne, Annika, Peter, Petra,
  Paul, Paula, Tomás, Thomas, Tom, Sofia, Sophie, Lucas, Luca, Lukas, Emma, Olivia, Liam,
  Noah, Elena, Ivan, Olga, Dmitri, Aisha, Fatima, Omar, Yusuf, Mehmet, Ayşe, Kenji, Yuki,
  Mei, Li, Chen, Raj, Arjun, Kavya, Siddharth, Grace, Henry, Isabel, Jack, Kate, Leo, Mia,
  Nina, Oscar, Pia, Quentin, Rosa, Sam, Tara, Uma, Victor, Wanda, Xavier, Yara, Zane, Ólafur,
  Åsa, Émile, Håkon, Iñaki, Jiří, Kristýna, Małgorzata, Nuño, Ruairí, Siobhán, Tadeusz
`)

const lastNames = list(`
  Doe, Smith, Novák, García, O'Brien, Müller, Nguyen, Kowalski, Johnson, Williams, Brown,
  Jones, Miller, Davis, Rodríguez, Martínez, Hernández, López, González, Wilson, Anderson,
  Taylor, Moore, Jackson, Martin, Lee, Pérez, Thompson, White, Harris, Sánchez, Clark,
  Ramírez, Lewis, Robinson, Walker, Young, Allen, King, Wright, Scott, Torres, Hill, Flores,
  Green, Adams, Nelson, Baker, Hall, Rivera, Campbell, Mitchell, Carter, Roberts, Schmidt,
  Schneider, Fischer, Weber, Meyer, Wagner, Becker, Schulz, Hoffmann, Dvořák, Svoboda, Černý,
  Procházka, Kučera, Nowak, Wiśniewski, Wójcik, Kamiński, Lewandowski, Zieliński, Szymański,
  Dubois, Lefèvre, Moreau, Laurent, Simon, Michel, Leroy, Roux, Fournier, Girard, Rossi,
  Russo, Ferrari, Esposito, Bianchi, Romano, Colombo, Ricci, Marino, Greco, Bruno, Gallo,
  Conti, De Luca, Costa, Silva, Santos, Oliveira, Pereira, Ferreira, Alves, Yılmaz, Kaya,
  Demir, Şahin, Çelik, Tanaka, Suzuki, Takahashi, Watanabe, Ito, Yamamoto, Nakamura,
  Kobayashi, Kato, Wang, Zhang, Liu, Yang, Huang, Zhao, Wu, Zhou, Xu, Sun, Patel, Sharma,
  Singh, Kumar, Gupta, Reddy, Iyer, Nair, Okafor, Adeyemi, Mensah, Haddad, Khalil, Nasser,
  Andersen, Nielsen, Hansen, Johansson, Lindqvist, Berg, Virtanen, Korhonen, Van Dijk,
  De Vries, Jansen, Bakker, Visser, Murphy, Kelly, Byrne, Ryan, Walsh, Ó Súilleabháin,
  MacDonald, Fraser, Stewart, Campbell-Ross
`)

const companyWords = list(`
  Acme, Globex, Initech, Umbrella, Stark, Wayne, Hooli, Vandelay, Soylent, Cyberdyne, Tyrell,
  Wonka, Gringotts, Nordic, Alpine, Baltic, Atlas, Summit, Pioneer, Harbor, Lumen, Vertex,
  Quantum, Silver, Blue, Green, Red, Northwind, Contoso, Fabrikam, Tailspin, Litware,
  Proseware, Adatum, Müller, Škoda, Zürich, Łódź, Café, Sørensen, Brightline, Keystone
`)
const companyNouns = list(`
  Software, Logistics, Foods, Health, Energy, Motors, Media, Labs, Systems, Partners,
  Consulting, Design, Bank, Insurance, Retail, Studios, Robotics, Analytics, Solar, Textiles,
  Pharma, Realty, Travel, Capital, Networks
`)
const companyForms = ['', '', '', ' GmbH', ' Inc.', ' Ltd', ' s.r.o.', ' AB', ' SA', ' BV', ' LLC']

/** A small seeded generator (mulberry32), so every run sees the same catalog. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)]!
}

/** `count` persons: first and last names, some with a middle initial or a second surname. */
export function samplePersons(count: number, seed = 1): CatalogEntry[] {
  const random = seededRandom(seed)
  const persons: CatalogEntry[] = []
  for (let id = 1; id <= count; id += 1) {
    const roll = random()
    const first = pick(random, firstNames)
    const last = pick(random, lastNames)
    const name =
      roll < 0.1
        ? `${first} ${String.fromCharCode(65 + Math.floor(random() * 26))}. ${last}`
        : roll < 0.15
          ? `${first} ${last}-${pick(random, lastNames)}`
          : `${first} ${last}`
    persons.push({ id, name })
  }
  return persons
}

/** `count` organizations such as `Nordic Logistics GmbH`. */
export function sampleOrganizations(count: number, seed = 2): CatalogEntry[] {
  const random = seededRandom(seed)
  const organizations: CatalogEntry[] = []
  for (let id = 1; id <= count; id += 1) {
    const name = `${pick(random, companyWords)} ${pick(random, companyNouns)}${pick(random, companyForms)}`
    organizations.push({ id, name })
  }
  return organizations
}

/** A slice of Pipedrive's currency list, with the three dollars that share `$`. */
export const sampleCurrencies: Currency[] = [
  { code: 'EUR', symbol: '€', decimalPoints: 2 },
  { code: 'CAD', symbol: '$', decimalPoints: 2 },
  { code: 'USD', symbol: '$', decimalPoints: 2 },
  { code: 'AUD', symbol: '$', decimalPoints: 2 },
  { code: 'GBP', symbol: '£', decimalPoints: 2 },
  { code: 'JPY', symbol: '¥', decimalPoints: 0 },
  { code: 'CHF', symbol: 'CHF', decimalPoints: 2 },
  { code: 'SEK', symbol: 'kr', decimalPoints: 2 },
  { code: 'CZK', symbol: 'Kč', decimalPoints: 2 },
  { code: 'PLN', symbol: 'zł', decimalPoints: 2 },
  { code: 'ALL', symbol: 'L', decimalPoints: 2 },
  { code: 'MAD', symbol: 'MAD', decimalPoints: 2 },
  { code: 'KGS', symbol: 'сом', decimalPoints: 2 },
  { code: 'BHD', symbol: 'BD', decimalPoints: 3 },
]

export const sampleLabels: LeadLabel[] = [
  { id: '1b6e1a1c-0000-4000-8000-000000000001', name: 'Hot', color: 'red' },
  { id: '1b6e1a1c-0000-4000-8000-000000000002', name: 'Warm', color: 'yellow' },
  { id: '1b6e1a1c-0000-4000-8000-000000000003', name: 'Cold', color: 'blue' },
  { id: '1b6e1a1c-0000-4000-8000-000000000004', name: 'Follow up', color: 'green' },
  { id: '1b6e1a1c-0000-4000-8000-000000000005', name: 'High value', color: 'purple' },
]

/** The people the examples in the tests talk about, each there for a reason. */
export const examplePersons: CatalogEntry[] = [
  { id: 1, name: 'Jane Doe' },
  { id: 2, name: 'Jan Novak' },
  { id: 3, name: 'José' },
  { id: 4, name: 'John Smith' },
  { id: 5, name: 'John Smith' },
  { id: 6, name: 'José García' },
  { id: 7, name: 'Łukasz Nowak' },
  { id: 8, name: 'Mary Ann Lee' },
  { id: 9, name: 'Mary Ann' },
  { id: 10, name: 'Friday Foods Jones' },
]

export const exampleOrganizations: CatalogEntry[] = [
  { id: 11, name: 'Acme' },
  { id: 12, name: 'Acme GmbH' },
  { id: 13, name: 'Globex Corporation' },
]

/** Pipedrive's default activity types, and one of two words. */
export const sampleActivityTypes: ActivityTypeEntry[] = [
  { key: 'call', name: 'Call' },
  { key: 'meeting', name: 'Meeting' },
  { key: 'task', name: 'Task' },
  { key: 'deadline', name: 'Deadline' },
  { key: 'email', name: 'Email' },
  { key: 'lunch', name: 'Lunch' },
  { key: 'follow_up', name: 'Follow up' },
]

/** Wednesday 25 November 2026, noon local time: `due fri` is the 27th. */
export const exampleNow = new Date(2026, 10, 25, 12, 0, 0)

export function sampleContext(
  persons: readonly CatalogEntry[] = examplePersons,
  organizations: readonly CatalogEntry[] = exampleOrganizations,
  overrides: Partial<QuickAddContext> = {},
): QuickAddContext {
  return {
    now: exampleNow,
    currencies: sampleCurrencies,
    defaultCurrency: 'EUR',
    labels: sampleLabels,
    persons: createCatalogIndex(persons),
    organizations: createCatalogIndex(organizations),
    phoneRegion: 'GB',
    phoneNumbers: readPhoneNumber,
    activityTypes: sampleActivityTypes,
    ...overrides,
  }
}
