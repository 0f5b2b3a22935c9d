// Password policy (等保 2.0 level 3): length, character classes, no common or account-derived passwords.

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_AGE_DAYS = 90;

// Frequent passwords from public leak lists, and the patterns Chinese users favour.
const COMMON = new Set(
  [
    'password', 'password1', 'password123', 'passw0rd', 'p@ssw0rd', 'p@ssword', 'p@ssword1', 'p@ssw0rd1',
    'admin123', 'admin@123', 'admin1234', 'admin@1234', 'administrator1', 'root@123', 'root1234',
    'qwerty123', 'qwe123!@#', 'qwer1234', 'qwer@1234', '1qaz2wsx', '1qaz@wsx', '1qaz!qaz', '1q2w3e4r',
    '1q2w3e4r5t', 'zaq12wsx', 'abc123456', 'abc@1234', 'abc@123', 'abcd1234', 'abcd@1234', 'aa123456',
    'aa123456.', 'a1234567', 'a123456789', 'a12345678', 'asdf1234', 'asd123456', 'woaini1314', 'woaini520',
    'iloveyou1', 'welcome1', 'welcome@123', 'test@123', 'test1234', 'changeme1', 'letmein1', 'sunshine1',
    'huawei@123', 'huawei123', 'sysadmin1', 'sysadmin@1', 'fazhi123', 'fazhi@123', 'fazhi@2024',
    'fazhi@2025', 'fazhi@2026', 'sifaju123', 'zhengfu123', 'china123', 'china@123', 'beijing123',
    'qq123456', 'qq@123456', 'a11111111', 'zxcvbnm1', 'zxcvbnm123', 'qazwsx123', 'qazwsxedc1',
  ].map((p) => p.toLowerCase()),
);

/** Returns the reasons a password is refused (empty when it is acceptable). */
export function passwordProblems(password: string, username?: string): string[] {
  const problems: string[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) problems.push(`密码至少需要 ${PASSWORD_MIN_LENGTH} 个字符`);
  if (password.length > 128) problems.push('密码不能超过 128 个字符');
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3) problems.push('密码需包含大写字母、小写字母、数字、特殊字符中的至少 3 类');
  const lower = password.toLowerCase();
  if (COMMON.has(lower) || /^(.)\1+$/.test(password)) problems.push('密码过于常见，请换一个');
  if (username && username.length >= 3 && lower.includes(username.toLowerCase())) problems.push('密码不能包含用户名');
  return problems;
}
