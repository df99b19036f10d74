import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/** Key material of the development mode without MILEVA_SESSION_SECRET: owner hashes stay stable across restarts. */
const DEVELOPMENT_HASH_SECRET = 'mileva-development-only-user-hash-key';
const SEALED_PREFIX = 'v1.';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * The gateway's secrets, derived from MILEVA_SESSION_SECRET with HKDF: one key seals the browser
 * cookies (AES-256-GCM: encrypted and authenticated, bound to their purpose and expiry), another
 * turns a user id into the keyed hash stored as the owner of conversations and feedback.
 *
 * Without the secret (development only: production refuses to start), the cookie key is drawn at
 * random for this process, so sessions end when it stops; owner hashes use a fixed development
 * key so that a developer finds their conversations after a restart. A third key hashes user ids
 * for analytics.
 */
export class GatewaySecrets {
  private readonly sealingKey: Buffer;
  private readonly hashKey: Buffer;
  private readonly analyticsKey: Buffer;

  constructor(secret: string | undefined) {
    const material = secret ? Buffer.from(secret, 'utf8') : undefined;
    this.sealingKey = material ? derive(material, 'mileva session cookie') : randomBytes(32);
    this.hashKey = derive(material ?? Buffer.from(DEVELOPMENT_HASH_SECRET, 'utf8'), 'mileva owner hash');
    this.analyticsKey = derive(material ?? Buffer.from(DEVELOPMENT_HASH_SECRET, 'utf8'), 'mileva analytics user');
  }

  /** Seals a payload for `purpose` until `expiresAt` (ms): only this key can read it, nobody can change it. */
  seal(purpose: string, payload: object, expiresAt: number): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.sealingKey, iv);
    cipher.setAAD(Buffer.from(purpose, 'utf8'));
    const body = Buffer.concat([cipher.update(JSON.stringify({ p: payload, exp: expiresAt }), 'utf8'), cipher.final()]);
    return SEALED_PREFIX + Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url');
  }

  /** The payload sealed for `purpose`, or undefined when the value is forged, altered, for another purpose or expired. */
  open(purpose: string, sealed: string | undefined, now = Date.now()): unknown {
    if (!sealed?.startsWith(SEALED_PREFIX)) return undefined;
    const bytes = Buffer.from(sealed.slice(SEALED_PREFIX.length), 'base64url');
    if (bytes.length <= IV_BYTES + TAG_BYTES) return undefined;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.sealingKey, bytes.subarray(0, IV_BYTES));
      decipher.setAAD(Buffer.from(purpose, 'utf8'));
      decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
      const text = Buffer.concat([decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)), decipher.final()]).toString('utf8');
      const envelope = JSON.parse(text) as { p?: unknown; exp?: unknown };
      if (typeof envelope.exp !== 'number' || envelope.exp <= now) return undefined;
      return envelope.p;
    } catch {
      return undefined;
    }
  }

  /** Keyed hash of a user id: what is stored as the owner, never the id itself. */
  ownerHash(userId: string): string {
    return createHmac('sha256', this.hashKey).update(userId, 'utf8').digest('hex');
  }

  /**
   * Keyed hash of a user id carried by analytics events, to count distinct users. The same HMAC
   * as {@link ownerHash} under a key of its own: analytics facts cannot be joined to the owners of
   * conversations and feedback, even by someone who reads both tables.
   */
  analyticsHash(userId: string): string {
    return createHmac('sha256', this.analyticsKey).update(userId, 'utf8').digest('hex');
  }
}

function derive(material: Buffer, info: string): Buffer {
  return Buffer.from(hkdfSync('sha256', material, Buffer.from('mileva', 'utf8'), Buffer.from(info, 'utf8'), 32));
}
