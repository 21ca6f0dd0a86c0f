// Replaces the generated block of a Markdown file: the lines between
// `<!-- BEGIN GENERATED: name -->` and `<!-- END GENERATED: name -->`.

/** The text with block `name` replaced by `content`; throws when the markers are missing. */
export function replaceGeneratedBlock(text: string, name: string, content: string): string {
  const begin = `<!-- BEGIN GENERATED: ${name} -->`;
  const end = `<!-- END GENERATED: ${name} -->`;
  const from = text.indexOf(begin);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`markers of generated block '${name}' not found`);
  return `${text.slice(0, from + begin.length)}\n${content}\n${text.slice(to)}`;
}
