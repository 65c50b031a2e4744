import { describe, expect, test } from 'vitest'
import { archivePath, pageWindow } from './ArticleArchive'

describe('article archive pages', () => {
  test('page 1 is /articles itself; later pages have their own address', () => {
    expect(archivePath(1)).toBe('/articles')
    expect(archivePath(2)).toBe('/articles/page/2')
  })

  test('the page links show the first, the last and two either side of the current page', () => {
    expect(pageWindow(1, 1)).toEqual([1])
    expect(pageWindow(1, 3)).toEqual([1, 2, 3])
    expect(pageWindow(10, 417)).toEqual([1, null, 8, 9, 10, 11, 12, null, 417])
    expect(pageWindow(417, 417)).toEqual([1, null, 415, 416, 417])
  })
})
