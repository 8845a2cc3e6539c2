import { createCipheriv, createDecipheriv, createHash, createHmac } from 'node:crypto';

/**
 * The opaque usager id clients see: the NIR sealed with AES-256-GCM under a server key,
 * with a nonce derived from the NIR by HMAC (a synthetic-IV construction). So the id is
 * stable (same NIR → same id), unreadable without the key, and tamper-evident (a forged or
 * altered id fails authentication). No table of ids is needed anywhere.
 */
export interface UsagerIdCodec {
  encode(nir: string): string;
  /** Returns the NIR, or null when the id was not issued under this key. */
  decode(id: string): string | null;
}

const prefix = 'u_';

export function createUsagerIdCodec(secret: string): UsagerIdCodec {
  if (secret.length < 16) throw new RangeError('the usager id secret must be at least 16 characters');
  const encKey = createHash('sha256').update(`passerelle/usager-id/enc/${secret}`).digest();
  const macKey = createHash('sha256').update(`passerelle/usager-id/mac/${secret}`).digest();
  return {
    encode(nir) {
      const iv = createHmac('sha256', macKey).update(nir).digest().subarray(0, 12);
      const cipher = createCipheriv('aes-256-gcm', encKey, iv);
      const sealed = Buffer.concat([cipher.update(nir, 'utf8'), cipher.final()]);
      return prefix + Buffer.concat([iv, sealed, cipher.getAuthTag()]).toString('base64url');
    },
    decode(id) {
      if (!id.startsWith(prefix) || id.length > 100) return null;
      const raw = Buffer.from(id.slice(prefix.length), 'base64url');
      if (raw.length < 12 + 16 + 1) return null;
      try {
        const decipher = createDecipheriv('aes-256-gcm', encKey, raw.subarray(0, 12));
        decipher.setAuthTag(raw.subarray(raw.length - 16));
        return Buffer.concat([decipher.update(raw.subarray(12, raw.length - 16)), decipher.final()]).toString('utf8');
      } catch {
        return null;
      }
    },
  };
}
