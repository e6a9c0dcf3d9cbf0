import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { StarlError } from '../../core/errors.js';
import { svgChart } from '../../progress/chart.js';
import { describeProgress } from '../../progress/describe.js';
import { progressSeries } from '../../progress/series.js';
import { DB_OPTION_HELP, withStore } from '../../storage/index.js';
import { print } from '../print.js';

/** `starl progress`: pass share per reason over time, in the terminal and as an SVG chart. */
export function registerProgress(program: Command): void {
  program
    .command('progress')
    .description('your share of passes per reason over time, the weakest reason now, and the answers that show it')
    .option('--chart <file.svg>', 'also draw the chart to an SVG file')
    .option('--db <file>', DB_OPTION_HELP)
    .action(async (flags: { chart?: string; db?: string }) => {
      if (flags.chart && !flags.chart.toLowerCase().endsWith('.svg')) {
        throw new StarlError('E_USAGE', 'the chart is drawn as SVG; name the file ….svg', { field: '--chart' });
      }
      const judged = await withStore(flags.db, (store) => store.judgedAnswers(), { create: false });
      print(describeProgress(judged));
      if (flags.chart) {
        try {
          writeFileSync(flags.chart, await svgChart(progressSeries(judged)));
        } catch (error) {
          throw new StarlError('E_INPUT_FILE', `cannot write the chart: ${(error as Error).message}`, { file: flags.chart });
        }
        print(`Chart written to ${flags.chart}\n`);
      }
    });
}
