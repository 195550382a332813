import type { Photo } from '@payload-types'

type Props = { photo: Photo; sizes: string; priority?: boolean; className?: string }

const RENDITIONS = ['thumbnail', 'card', 'large'] as const

/** Every stored width in srcset, with the intrinsic size set so the page never shifts while loading. */
export function ResponsiveImage({ photo, sizes, priority = false, className }: Props) {
  const renditions = RENDITIONS.map((name) => photo.sizes?.[name]).filter(
    (rendition): rendition is { url: string; width: number; height: number } => Boolean(rendition?.url && rendition.width && rendition.height),
  )
  const largest = renditions.at(-1)
  const src = renditions.find((rendition) => rendition.width >= 800)?.url ?? largest?.url ?? photo.url
  if (!src) return null
  const width = largest?.width ?? photo.width ?? undefined
  const height = largest?.height ?? photo.height ?? undefined
  return (
    <img
      className={className}
      src={src}
      srcSet={renditions.length > 0 ? renditions.map((rendition) => `${rendition.url} ${rendition.width}w`).join(', ') : undefined}
      sizes={renditions.length > 0 ? sizes : undefined}
      alt={photo.alt}
      width={width}
      height={height}
      loading={priority ? 'eager' : 'lazy'}
      fetchPriority={priority ? 'high' : undefined}
      decoding="async"
    />
  )
}
