import { describeConfig } from './config';

/** Prints the README's configuration table: `npx tsx packages/server/src/config-table.ts`. */
function renderConfigTable(): string {
  const rows = describeConfig().map(
    (row) =>
      `| \`${row.name}\` | ${row.default === '' ? '—' : `\`${row.default}\``} | ${row.description} |`,
  );
  return ['| variable | default | description |', '| --- | --- | --- |', ...rows].join('\n');
}

console.log(renderConfigTable());
