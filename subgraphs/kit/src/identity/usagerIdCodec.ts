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
  /**
   * `decode`, also telling whether `id` is spelled exactly as `encode` gives it for that NIR
   * (`issued`): base64url leaves unused bits, so other spellings of the same bytes decode too.
   * Lets a caller that meets an id remember it as the NIR's id without sealing the NIR again.
   */
  decodeIssued(id: string): { nir: string; issued: boolean } | null;
}

const prefix = 'u_';

export function createUsagerIdCodec(secret: string): UsagerIdCodec {
  if (secret.length < 16) throw new RangeError('the usager id secret must be at least 16 characters');
  const encKey = createHash('sha256').update(`passerelle/usager-id/enc/${secret}`).digest();
  const macKey = createHash('sha256').update(`passerelle/usager-id/mac/${secret}`).digest();
  const nonceOf = (nir: string) => createHmac('sha256', macKey).update(nir).digest().subarray(0, 12);
  const open = (id: string): { nir: string; raw: Buffer } | null => {
    if (!id.startsWith(prefix) || id.length > 100) return null;
    const raw = Buffer.from(id.slice(prefix.length), 'base64url');
    if (raw.length < 12 + 16 + 1) return null;
    try {
      const decipher = createDecipheriv('aes-256-gcm', encKey, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(raw.length - 16));
      return { nir: Buffer.concat([decipher.update(raw.subarray(12, raw.length - 16)), decipher.final()]).toString('utf8'), raw };
    } catch {
      return null;
    }
  };
  return {
    encode(nir) {
      const iv = nonceOf(nir);
      const cipher = createCipheriv('aes-256-gcm', encKey, iv);
      const sealed = Buffer.concat([cipher.update(nir, 'utf8'), cipher.final()]);
      return prefix + Buffer.concat([iv, sealed, cipher.getAuthTag()]).toString('base64url');
    },
    decode(id) {
      return open(id)?.nir ?? null;
    },
    decodeIssued(id) {
      const opened = open(id);
      if (opened === null) return null;
      // The bytes authenticated (GCM) under this key: issued by encode, whose nonce is the NIR's
      // HMAC; checked anyway, then the spelling, so `issued` means encode(nir) === id.
      const issued = opened.raw.subarray(0, 12).equals(nonceOf(opened.nir)) && id === prefix + opened.raw.toString('base64url');
      return { nir: opened.nir, issued };
    },
  };
}
