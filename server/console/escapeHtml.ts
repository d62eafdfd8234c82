const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe inside HTML elements and quoted attributes: names and descriptions come from scenario packs and fixtures. */
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => entities[c]);
