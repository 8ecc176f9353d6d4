import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../server/auth/passwords';

describe('password hashing', () => {
  it('verifies the right password and rejects others', async () => {
    const h = await hashPassword('a long passphrase');
    expect(h).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword('a long passphrase', h)).toBe(true);
    expect(await verifyPassword('a long passphrasE', h)).toBe(false);
  });

  it('salts: the same password hashes differently', async () => {
    expect(await hashPassword('same-password')).not.toBe(await hashPassword('same-password'));
  });

  it('rejects a stored value that is not ours', async () => {
    expect(await verifyPassword('x', 'md5$abc')).toBe(false);
  });
});
