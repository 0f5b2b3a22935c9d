import { describe, expect, it } from 'vitest';
import { creditCodeCheckChar, idNumberCheckChar, isValidCreditCode, isValidIdNumber, isValidPhone, maskIdNumber, maskPhone } from './validators.ts';
import { passwordProblems } from './password-policy.ts';

describe('GB 32100 credit codes', () => {
  it.each([
    ['91350100M000100Y43', true], // published example
    ['91350100M000100Y44', false],
    ['9135010OM000100Y43', false], // letter O is not in the alphabet
    ['91350100M000100Y4', false],
  ])('%s → %s', (code, ok) => expect(isValidCreditCode(code)).toBe(ok));
  it('computes the check character', () => expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3'));
});

describe('GB 11643 ID numbers', () => {
  it.each([
    ['11010519491231002X', true], // the standard's example
    ['110105194912310021', false],
    ['11010519491331002X', false], // month 13
    ['11010520990101002X', false], // future birth date
    ['1101051949123100', false],
  ])('%s → %s', (id, ok) => expect(isValidIdNumber(id)).toBe(ok));
  it('check digit', () => expect(idNumberCheckChar('11010519491231002')).toBe('X'));
});

describe('phones and masks', () => {
  it('validates mainland mobiles', () => {
    expect(isValidPhone('13812345678')).toBe(true);
    expect(isValidPhone('12812345678')).toBe(false);
    expect(isValidPhone('1381234567')).toBe(false);
  });
  it('masks as the domain shows them', () => {
    expect(maskIdNumber('110105194912310021')).toBe('110***********0021');
    expect(maskPhone('13812345678')).toBe('138****5678');
  });
});

describe('password policy', () => {
  it.each([
    ['Aa1!', false],
    ['abcdefgh', false],
    ['abcdefg1', false],
    ['Abcdefg1', false],
    ['Abcxyz1!', true],
    ['Gkd#93pLv', true],
    ['P@ssw0rd', false],
    ['Admin@123', false],
    ['Zhang#2026san', true],
  ])('%s acceptable: %s', (pw, ok) => expect(passwordProblems(pw).length === 0).toBe(ok));
  it('refuses the username inside the password', () => expect(passwordProblems('Zhangsan#2026', 'zhangsan')).not.toEqual([]));
  it.each([
    ['Aa1!Aa1!', '重复'],
    ['Xy7#Xy7#Xy7#', '重复'],
    ['Kaaaa#921', '重复'],
    ['Qwer#8165m', '键盘'],
    ['Hjm#asdf92', '键盘'],
    ['Zz#1qaz8Mk', '键盘'],
    ['Vb#9876rtK', '键盘'],
    ['Mn!@#$72k', '键盘'],
    ['Lpo#Abcd72', '键盘'],
    ['Fazhi#2027', '平台名称'],
    ['F4zh1#2027x', '平台名称'],
    ['My法治#2027x', '平台名称'],
    ['Nasgnahz#72', '用户名'],
    ['Zh4ngs4n#72', '用户名'],
  ])('refuses %s (%s)', (pw, reason) => {
    const problems = passwordProblems(pw, 'zhangsan');
    expect(problems.join('；')).toContain(reason);
  });
  it('accepts the passwords the platform itself sets and its tests use', () => {
    for (const pw of ['Shifan#2026', 'Test#Pass2026', 'Better#Pass2027', 'Guanli#2026x']) expect(passwordProblems(pw, 'someone')).toEqual([]);
  });
});
