import type { Photo } from '../../../payload-types'
import { photoCreditOf } from '../presentation'

type Props = { photo: Photo; size?: 'card' | 'large'; priority?: boolean }

/** A photo as the paper prints it: picture, then caption with the credit at its end. */
export function PhotoFigure({ photo, size = 'large', priority = false }: Props) {
  const rendition = photo.sizes?.[size]
  const src = rendition?.url ?? photo.url
  if (!src) return null
  const credit = photoCreditOf(photo)
  return (
    <figure className="photo">
      <img
        src={src}
        alt={photo.alt}
        width={rendition?.width ?? photo.width ?? undefined}
        height={rendition?.height ?? photo.height ?? undefined}
        loading={priority ? 'eager' : 'lazy'}
        decoding="async"
      />
      {(photo.caption || credit) && (
        <figcaption>
          {photo.caption}
          {credit && <span className="photo__credit">{credit}</span>}
        </figcaption>
      )}
    </figure>
  )
}
