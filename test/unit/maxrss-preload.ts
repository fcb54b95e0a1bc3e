// Preloaded (node --require) into a child whose peak memory a test measures when /usr/bin/time is not there:
// writes process.resourceUsage().maxRSS (KiB) to $NIANBAO_MAXRSS_FILE as the process exits.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  const file = process.env.NIANBAO_MAXRSS_FILE;
  if (file) writeFileSync(file, String(process.resourceUsage().maxRSS));
});
