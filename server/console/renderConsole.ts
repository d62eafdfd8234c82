import type { SandboxDeps } from '../core/types.js';
import { consoleSections, type ConsoleSection } from './consoleSections.js';
import { escapeHtml as h } from './escapeHtml.js';

/** The console page: every section rendered on the server; console/console.js adds the live parts. */
export function renderConsole(
  deps: SandboxDeps,
  sessions: string[],
  sections: readonly ConsoleSection[] = consoleSections,
): string {
  const nav = sections.map((s) => `<a href="#${s.id}">${h(s.title)}</a>`).join('');
  const body = sections
    .map((s) => `<section id="${s.id}" data-section="${s.id}"><h2>${h(s.title)}</h2>${s.render(deps)}</section>`)
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>dana-mock console</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/__admin/console/console.css">
<script src="/__admin/console/console.js" defer></script>
</head>
<body>
<header>
  <h1>dana-mock <small>console · TEST-ONLY sandbox</small></h1>
  <form data-role="session"><label>Session <input name="session" list="sessions" placeholder="all (global scope)" size="18"></label>
    <datalist id="sessions">${sessions.map((s) => `<option value="${h(s)}">`).join('')}</datalist></form>
  <nav>${nav}</nav>
</header>
<p class="status" data-role="status" role="status"></p>
<main>
${body}
</main>
</body>
</html>
`;
}
