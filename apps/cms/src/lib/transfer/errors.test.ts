import { describe, expect, it } from 'vitest'
import { describeDocument, writing } from './errors'

const fail = (error: unknown) => () => Promise.reject(error)

describe('import errors name the document, the field and why, in one line', () => {
  it.each([
    [new Error('UNIQUE constraint failed: pages.slug'), 'pages 7 (slug "about"), field "slug": the value is already used by another document of the file (it must be unique)'],
    [new Error('NOT NULL constraint failed: pages.title'), 'pages 7 (slug "about"), field "title": the value is missing (it is required)'],
    [Object.assign(new Error('Failed query'), { cause: new Error('FOREIGN KEY constraint failed') }), 'pages 7 (slug "about"): it points at a document that does not exist'],
    [Object.assign(new Error('E11000 duplicate key error collection: clinic.pages index: slug_1 dup key: { slug: "about" }'), { code: 11000, keyValue: { slug: 'about' } }), 'pages 7 (slug "about"), field "slug": the value "about" is already used by another document of the file (it must be unique)'],
    [Object.assign(new Error('The following field is invalid: slug'), { data: { errors: [{ path: 'slug', message: 'Value must be unique' }] } }), 'pages 7 (slug "about"), field "slug": Value must be unique'],
    [new Error('something odd\n    at stack line'), 'pages 7 (slug "about"): something odd'],
  ])('%s', async (error, line) => {
    await expect(writing(describeDocument('pages', { id: 7, slug: 'about' }), fail(error))).rejects.toThrow(line)
  })

  it('names the unique field the document fills when the database does not say which key (FerretDB)', async () => {
    const duplicate = Object.assign(new Error('Value must be unique'), { data: { errors: [{ message: 'Value must be unique' }] } })
    await expect(writing('pages 7', fail(duplicate), ['slug'])).rejects.toThrow('pages 7, field "slug": Value must be unique')
    const emptyPath = Object.assign(new Error('Value must be unique'), { data: { errors: [{ path: '', message: 'Value must be unique' }] } })
    await expect(writing('pages 7', fail(emptyPath), ['slug'])).rejects.toThrow('pages 7, field "slug": Value must be unique')
  })
})
