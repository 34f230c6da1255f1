import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { contract } from '../../../domain/api'
import { Role } from '../../../domain/auth/roles'
import { callNames } from '../../../domain/contract'
import { ErrorCode } from '../../../domain/errors'
import { GEORGIAN_LETTER } from '../../../domain/georgian'
import { HistoryEntry } from '../../../domain/history'
import {
  CadastralCodeChange,
  DocumentUpload,
  LeaseFields,
  LeasePaymentFields,
  PropertyObjectCreate,
} from '../../../domain/property/schemas'
import { DocumentView, LeaseView } from '../../../domain/property/views'
import {
  AcquisitionMethod,
  DocumentKind,
  ObjectState,
  ObjectType,
  PropertyClass,
  RentSchedule,
  TenantKind,
} from '../../../domain/property/vocabulary'
import { BankLineProblem } from '../../../domain/sanitation/vocabulary'
import { en } from '../../../renderer/src/i18n/en'
import { ka } from '../../../renderer/src/i18n/ka'

const repo = fileURLToPath(new URL('../../../', import.meta.url))

type Tree = { readonly [key: string]: string | Tree }
const languages = { ka: ka as Tree, en: en as Tree }

function lookup(tree: Tree, key: string): string | Tree | undefined {
  let node: string | Tree | undefined = tree
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, part)) return undefined
    node = node[part]
  }
  return node
}

function leaves(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string'
      ? [[`${prefix}${key}`, value] as [string, string]]
      : leaves(value, `${prefix}${key}.`),
  )
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sourceFiles(path)
    return /\.tsx?$/.test(name) ? [path] : []
  })
}

function expectTranslated(key: string) {
  for (const [language, tree] of Object.entries(languages)) {
    expect(typeof lookup(tree, key), `${language} has no text for ${key}`).toBe('string')
  }
}

describe('translations', () => {
  it('cover every message key the domain and the backend can produce', () => {
    // Call names ('auth.session') look like keys but are not messages.
    const calls = new Set(callNames(contract))
    const keyLiteral = /'((?:validation|georgian|property|sanitation|auth|sync)\.[A-Za-z.]+[A-Za-z])'/g
    const files = [...sourceFiles(join(repo, 'domain')), ...sourceFiles(join(repo, 'electron/backend'))]
    const found = new Set<string>()
    for (const file of files) {
      for (const match of readFileSync(file, 'utf8').matchAll(keyLiteral)) {
        if (!calls.has(match[1]!)) found.add(match[1]!)
      }
    }
    expect(found.size).toBeGreaterThan(20)
    for (const key of found) expectTranslated(key)
  })

  it('cover every key the renderer names literally', () => {
    const keyLiteral =
      /'((?:app|auth|errors|validation|georgian|property|history|reports|sync|admin)\.[A-Za-z0-9_.]+[A-Za-z0-9_])'/g
    const files = sourceFiles(join(repo, 'renderer/src')).filter((f) => !f.includes(`${join('src', 'i18n')}`))
    const missing: string[] = []
    for (const file of files) {
      for (const match of readFileSync(file, 'utf8').matchAll(keyLiteral)) {
        const key = match[1]!
        // A literal that is a prefix of a key built at run time (`property.type.${value}`) is a subtree.
        if (lookup(ka as Tree, key) === undefined) missing.push(`${relative(repo, file)}: ${key}`)
        else if (typeof lookup(ka as Tree, key) === 'string') expectTranslated(key)
      }
    }
    expect(missing).toEqual([])
  })

  it('name every error code', () => {
    for (const code of ErrorCode.options) expectTranslated(`errors.${code}`)
    expectTranslated('errors.network')
  })

  it('name every value of every vocabulary', () => {
    const vocabularies = {
      'property.type': ObjectType,
      'property.propertyClass': PropertyClass,
      'property.state': ObjectState,
      'property.acquisitionMethod': AcquisitionMethod,
      'property.tenantKind': TenantKind,
      'property.schedule': RentSchedule,
      'property.documentKind': DocumentKind,
      'auth.role': Role,
      'history.op': HistoryEntry.shape.op,
      'sanitation.bankProblem': BankLineProblem,
    }
    for (const [prefix, vocabulary] of Object.entries(vocabularies)) {
      for (const value of vocabulary.options) expectTranslated(`${prefix}.${value}`)
    }
  })

  it('label every field a form, a card or the history shows', () => {
    const shapes = [
      PropertyObjectCreate.shape,
      LeaseFields.shape,
      LeasePaymentFields.shape,
      CadastralCodeChange.shape,
      DocumentUpload.shape,
      DocumentView.shape,
      LeaseView.shape,
    ]
    const shown = new Set(shapes.flatMap((shape) => Object.keys(shape)))
    // Figures and lists of the lease card have their own labels.
    for (const own of ['id', 'version', 'dueToDateTetri', 'paidTetri', 'arrearsTetri', 'payments'])
      shown.delete(own)
    for (const field of shown) expectTranslated(`property.field.${field}`)
  })

  it('have the same keys in both languages and no empty or key-like text', () => {
    expect(leaves(en as Tree).map(([key]) => key)).toEqual(leaves(ka as Tree).map(([key]) => key))
    for (const [language, tree] of Object.entries(languages)) {
      for (const [key, text] of leaves(tree)) {
        expect(text.trim(), `${language}:${key} is empty`).not.toBe('')
        expect(text, `${language}:${key} is its own key`).not.toBe(key)
        expect(text, `${language}:${key} looks like a key`).not.toMatch(/^[a-z]+(\.[A-Za-z]+)+$/)
      }
    }
  })

  it('use the same placeholders in both languages', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort()
    const english = new Map(leaves(en as Tree))
    for (const [key, text] of leaves(ka as Tree)) {
      expect(placeholders(english.get(key) ?? ''), key).toEqual(placeholders(text))
    }
  })

  it('write Georgian in Georgian letters', () => {
    // Texts that are the same in every language.
    const universal = new Set(['app.language.en'])
    for (const [key, text] of leaves(ka as Tree)) {
      if (universal.has(key)) continue
      expect(text, `ka:${key} has no Georgian letters`).toMatch(GEORGIAN_LETTER)
    }
  })

  it('never rely on upper case in Georgian', () => {
    // Mtavruli (U+1C90–U+1CBF) is the Georgian "all caps"; the UI never uses it.
    for (const [key, text] of leaves(ka as Tree)) expect(text, key).not.toMatch(/[\u1c90-\u1cbf]/)
  })
})
