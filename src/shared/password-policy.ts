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

/** How many previous passwords may not be used again (the current one included). */
export const PASSWORD_HISTORY = 5;

/** The platform's name, in Chinese and pinyin: guessed first by anyone attacking it. */
const PLATFORM_NAMES = ['fazhi', '法治'];

// Rows and columns of the keyboard, the alphabet and the digits: four or more of these in a row
// (forwards or backwards, case ignored) is a run like qwer, asdf, 1qaz, abcd, 4321 or !@#$.
const SEQUENCES = [
  'abcdefghijklmnopqrstuvwxyz', '01234567890', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm', '!@#$%^&*()',
  '1qaz', '2wsx', '3edc', '4rfv', '5tgb', '6yhn', '7ujm', '8ik,', '9ol.', '0p;/',
];
const RUN = 4;

/** The first keyboard, alphabet or digit run of four or more characters in the password, if any. */
export function keyboardRun(password: string): string | null {
  const lower = password.toLowerCase();
  for (let i = 0; i + RUN <= lower.length; i++) {
    const piece = lower.slice(i, i + RUN);
    const reversed = [...piece].reverse().join('');
    if (SEQUENCES.some((seq) => seq.includes(piece) || seq.includes(reversed))) return password.slice(i, i + RUN);
  }
  return null;
}

// Look-alike substitutions (p@ssw0rd, f4zh1), undone before comparing with names and common words.
const LEET: Record<string, string> = { '@': 'a', '4': 'a', '0': 'o', '1': 'i', '!': 'i', '3': 'e', '$': 's', '5': 's', '7': 't' };
const unleet = (s: string) => [...s.toLowerCase()].map((c) => LEET[c] ?? c).join('');

/** Returns the reasons a password is refused (empty when it is acceptable). */
export function passwordProblems(password: string, username?: string): string[] {
  const problems: string[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) problems.push(`密码至少需要 ${PASSWORD_MIN_LENGTH} 个字符`);
  if (password.length > 128) problems.push('密码不能超过 128 个字符');
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3) problems.push('密码需包含大写字母、小写字母、数字、特殊字符中的至少 3 类');
  const lower = password.toLowerCase();
  if (COMMON.has(lower) || COMMON.has(unleet(password))) problems.push('密码过于常见，请换一个');
  if (/^(.+)\1+$/u.test(password) || /(.)\1{3,}/u.test(password) || new Set(password).size < 5) {
    problems.push('密码不能由重复的字符或片段组成（如 Aa1!Aa1!、aaaa）');
  }
  const run = keyboardRun(password);
  if (run) problems.push(`密码不能包含键盘或字母数字顺序（如「${run}」）`);
  const name = username?.toLowerCase() ?? '';
  if (name.length >= 3) {
    const reversed = [...name].reverse().join('');
    if (lower.includes(name) || lower.includes(reversed) || unleet(password).includes(unleet(name))) problems.push('密码不能包含用户名');
  }
  if (PLATFORM_NAMES.some((n) => lower.includes(n) || unleet(password).includes(n))) problems.push('密码不能包含平台名称（法治、fazhi）');
  return problems;
}
