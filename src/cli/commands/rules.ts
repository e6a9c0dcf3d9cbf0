import type { Command } from 'commander';
import { REASON_LABELS } from '../../core/types.js';
import { rules } from '../../core/rules/index.js';

/** `starl rules`: the rule catalogue, from the rules' own metadata. */
export function registerRules(program: Command): void {
  program
    .command('rules')
    .description('list the rules Starl judges answers with')
    .option('--json', 'print the catalogue as JSON')
    .action((flags: { json?: boolean }) => {
      if (flags.json) {
        process.stdout.write(`${JSON.stringify(rules.map(({ id, reason, severity, description, appliesTo }) => ({ id, reason, severity, description, appliesTo: appliesTo ?? null })), null, 2)}\n`);
        return;
      }
      const width = Math.max(...rules.map((r) => r.id.length));
      for (const rule of rules) {
        const reason = rule.reason === 'delivery' ? 'Delivery' : REASON_LABELS[rule.reason];
        process.stdout.write(`${rule.id.padEnd(width)}  ${rule.severity.padEnd(7)}  ${reason.padEnd(15)}  ${rule.description}\n`);
      }
    });
}
