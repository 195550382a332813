import Link from 'next/link'
import { Fragment } from 'react'

import { groupBylines } from '@/newsroom/bylines'
import type { PresentedByline } from '@/newsroom/presentation'
import { readerPaths } from '@/publishing/urls'

type Props = { bylines: PresentedByline[]; trailing?: boolean; linked?: boolean }

/** Bylines as printed (`本报记者 张三 李四 通讯员 王五`, `(李重臣 杜鸿飞)`), each name linking to its archive. */
export function Bylines({ bylines, trailing = false, linked = true }: Props) {
  if (bylines.length === 0) return null
  const slugOf = new Map(bylines.map((entry) => [entry.name, entry.slug]))
  const groups = groupBylines(bylines)
  const nameNode = (name: string) => {
    const slug = slugOf.get(name)
    return linked && slug ? <Link href={readerPaths.byline(slug)}>{name}</Link> : name
  }
  return (
    <p className={trailing ? 'bylines bylines--trailing' : 'bylines'}>
      {trailing && '('}
      {groups.map((group, groupIndex) => (
        <Fragment key={groupIndex}>
          {groupIndex > 0 && ' '}
          {group.role !== 'courtesy' && group.prefix && <span className="bylines__role">{group.prefix} </span>}
          {group.names.map((name, nameIndex) => (
            <Fragment key={name}>
              {nameIndex > 0 && ' '}
              {nameNode(name)}
            </Fragment>
          ))}
          {group.suffix && <span className="bylines__role">{group.role === 'courtesy' ? group.suffix : ` ${group.suffix}`}</span>}
        </Fragment>
      ))}
      {trailing && ')'}
    </p>
  )
}
