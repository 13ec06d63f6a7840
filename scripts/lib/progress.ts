// A small progress bar for long jobs: redraws in place on a terminal, logs every 10% otherwise.
export function createProgress(label: string, total: number) {
  const tty = process.stdout.isTTY;
  let lastDecile = -1;
  const started = Date.now();
  return {
    update(done: number) {
      const ratio = total === 0 ? 1 : Math.min(1, done / total);
      const percent = Math.floor(ratio * 100);
      if (tty) {
        const width = 30;
        const filled = Math.round(ratio * width);
        const bar = "█".repeat(filled) + "░".repeat(width - filled);
        process.stdout.write(`\r${label.padEnd(10)} ${bar} ${String(percent).padStart(3)}% ${done.toLocaleString()}/${total.toLocaleString()}`);
      } else if (Math.floor(percent / 10) !== lastDecile) {
        lastDecile = Math.floor(percent / 10);
        console.log(`${label}: ${percent}% (${done.toLocaleString()}/${total.toLocaleString()})`);
      }
    },
    done() {
      this.update(total);
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      process.stdout.write(tty ? ` ✓ ${seconds}s\n` : `${label}: done in ${seconds}s\n`);
    },
  };
}
