// What every bench:* script measures and how it reports: a process's CPU time and memory from
// /proc, medians and percentiles, and its own section of docs/benchmarks.md.
import fs from 'node:fs';
import path from 'node:path';

const REPORT = path.resolve(import.meta.dirname, '../docs/benchmarks.md');

/** User + system CPU seconds the process has used. */
export function cpuSeconds(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Resident memory now (VmRSS) or at its peak (VmHWM), in MiB. */
export function rssMiB(pid: number, field: 'VmRSS' | 'VmHWM' = 'VmRSS'): number {
  const line = fs
    .readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith(field))!;
  return Number(line.split(/\s+/)[1]) / 1024;
}

export function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN;
}

/** A run of request latencies (ms): how many, the median, the 99th percentile and the slowest. */
export function latencyStats(latencies: number[]): { n: number; p50: number; p99: number; max: number } {
  const s = [...latencies].sort((a, b) => a - b);
  return { n: s.length, p50: percentile(s, 50), p99: percentile(s, 99), max: s.at(-1)! };
}

export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Replaces the script's section (between `<!-- bench:NAME -->` markers) in docs/benchmarks.md, or appends it. */
export function writeSection(name: string, section: string): void {
  const start = `<!-- bench:${name} -->`;
  const body = `${start}\n${section.trim()}\n<!-- /bench:${name} -->`;
  const existing = fs.existsSync(REPORT)
    ? fs.readFileSync(REPORT, 'utf8')
    : '# Benchmarks\n\nWritten by the `pnpm bench:*` scripts; each run replaces its own section.\n';
  const marked = new RegExp(`<!-- bench:${name} -->[\\s\\S]*<!-- \\/bench:${name} -->`);
  fs.writeFileSync(REPORT, marked.test(existing) ? existing.replace(marked, body) : `${existing.trimEnd()}\n\n${body}\n`);
  console.log(`\nwritten to ${path.relative(process.cwd(), REPORT)}`);
}
