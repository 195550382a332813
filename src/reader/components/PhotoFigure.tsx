import type { Photo } from '@payload-types'
import { photoCreditOf } from '@/newsroom/presentation'
import { ResponsiveImage } from './ResponsiveImage'

type Props = { photo: Photo; priority?: boolean }

/** A photo as the paper prints it: picture, then caption with the credit at its end. */
export function PhotoFigure({ photo, priority = false }: Props) {
  const credit = photoCreditOf(photo)
  return (
    <figure className="photo">
      <ResponsiveImage photo={photo} sizes="(min-width: 48rem) 46rem, 100vw" priority={priority} />
      {(photo.caption || credit) && (
        <figcaption>
          {photo.caption}
          {credit && <span className="photo__credit">{credit}</span>}
        </figcaption>
      )}
    </figure>
  )
}
