import { describe, expect, it } from 'vitest'
import { readEmailMessage } from './email-message'

const email = [
  'From: =?UTF-8?Q?Anna_M=C3=BCller?= <anna.mueller@beispiel.example>',
  'To: Sales <sales@leadbox.example>',
  'Subject: =?UTF-8?Q?Anfrage_f=C3=BCr_50_Lizenzen?=',
  'Date: Mon, 7 Dec 2026 09:30:00 +0100',
  'MIME-Version: 1.0',
  'Content-Type: multipart/alternative; boundary="b1"',
  '',
  '--b1',
  'Content-Type: text/plain; charset=utf-8',
  'Content-Transfer-Encoding: quoted-printable',
  '',
  'Guten Tag,',
  '',
  'wir m=C3=B6chten 50 Lizenzen f=C3=BCr unser Vertriebsteam anfragen.',
  '',
  'Mit freundlichen Gr=C3=BC=C3=9Fen',
  'Anna M=C3=BCller',
  'Leiterin Vertrieb',
  'Beispiel Maschinenbau GmbH',
  'Tel.: +49 30 12345678 | Mobil: 0151 23456789',
  '',
  'Am 1. Dezember schrieb Max Mustermann:',
  '> Tel. +49 40 999999',
  '--b1',
  'Content-Type: text/html; charset=utf-8',
  '',
  '<p>Guten Tag</p>',
  '--b1--',
  '',
].join('\r\n')

describe('readEmailMessage', () => {
  it('reads the sender as the person, the subject as the title and the body as the note', async () => {
    const read = await readEmailMessage(email, 'DE')
    expect(read.contact).toEqual({
      name: 'Anna Müller',
      jobTitle: 'Leiterin Vertrieb',
      organization: 'Beispiel Maschinenbau GmbH',
      emails: ['anna.mueller@beispiel.example'],
      phones: ['+493012345678', '+4915123456789'],
    })
    expect(read.subject).toBe('Anfrage für 50 Lizenzen')
    expect(read.note).toMatch(/^Guten Tag,\n\nwir möchten 50 Lizenzen/)
  })

  it('reads an email given as bytes, as a dropped file gives it', async () => {
    const read = await readEmailMessage(new TextEncoder().encode(email).buffer, 'DE')
    expect(read.contact.name).toBe('Anna Müller')
  })

  it('says so in plain words when the file is not an email', async () => {
    await expect(readEmailMessage('just some words', 'DE')).rejects.toThrow(
      'This file is not an email: it names no sender.',
    )
  })
})
