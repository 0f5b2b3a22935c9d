// `import text from './help.md?raw'`: Vite (and vitest) give a file's text as a string.
declare module '*.md?raw' {
  const text: string;
  export default text;
}
