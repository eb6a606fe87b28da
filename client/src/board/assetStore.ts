import type { TLAssetStore } from 'tldraw';
import { z } from 'zod';

/** The image types the server accepts; SVG is not one of them (it can carry script). */
export const ACCEPTED_IMAGE_TYPES: readonly string[] = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'];

/** Why an image did not reach the server, as the person should be told. */
export type UploadFailure = 'tooLarge' | 'wrongType' | 'offline' | 'readOnly' | 'rateLimited' | 'failed';

/** An upload the server did not accept; nothing was added to the board. */
export class AssetUploadError extends Error {
  constructor(readonly reason: UploadFailure) {
    super(`image upload failed: ${reason}`);
  }
}

// Only a path on this origin: a document must never point images at another site.
const UploadResponse = z.object({ url: z.string().regex(/^\/api\/assets\/[A-Za-z0-9_-]+$/) });

function failureOf(status: number): UploadFailure {
  if (status === 413) return 'tooLarge';
  if (status === 415) return 'wrongType';
  if (status === 403) return 'readOnly';
  if (status === 429) return 'rateLimited';
  return 'failed';
}

/**
 * Uploads images to this workshop on the page's own server and hands tldraw the returned URL
 * (`/api/assets/<id>`), so the board doc holds a short same-origin link and never the bytes.
 */
export function serverAssetStore(workshopId: string, token: string): TLAssetStore {
  return {
    async upload(_asset, file, abortSignal) {
      if (!ACCEPTED_IMAGE_TYPES.includes(file.type)) throw new AssetUploadError('wrongType');
      let response: Response;
      try {
        response = await fetch(`/api/workshops/${encodeURIComponent(workshopId)}/assets`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': file.type },
          body: file,
          signal: abortSignal,
        });
      } catch {
        throw new AssetUploadError('offline');
      }
      if (!response.ok) throw new AssetUploadError(failureOf(response.status));
      const body = UploadResponse.safeParse(await response.json().catch(() => null));
      if (!body.success) throw new AssetUploadError('failed');
      return { src: body.data.url };
    },
  };
}
