/**
 * `npm run audit -- [--format json|csv|table] [--render] <file.html|URL>...`: the command-line
 * auditor for control staff. Entry point only; arguments are parsed in ./args.
 */
console.error('tthc-audit: the audit engine is not built yet.');
process.exitCode = 2;
