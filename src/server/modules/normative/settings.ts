// What a county sets for its normative documents (README: configuration): the number patterns of
// 三统一 and the longest validity. Patterns take {county} (the top unit's name without 人民政府),
// {code} (its code), {year} and {n} ({n3}, {n4}: zero-padded to that width).
export interface NormdocSettings {
  numberPattern: string;
  registerPattern: string;
  years: number;
  trialYears: number;
}

const positive = (value: string | undefined, fallback: number) => {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
};

export function normdocSettings(env: NodeJS.ProcessEnv = process.env): NormdocSettings {
  return {
    numberPattern: env.FAZHI_NORMDOC_NUMBER || '{county}政规〔{year}〕{n}号',
    registerPattern: env.FAZHI_NORMDOC_REGISTER || '{code}-{year}-{n4}',
    years: positive(env.FAZHI_NORMDOC_VALID_YEARS, 5),
    trialYears: positive(env.FAZHI_NORMDOC_TRIAL_YEARS, 2),
  };
}
