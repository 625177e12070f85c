/**
 * rehype plugin: runs cleanText over every text node and attribute value of
 * the rendered body. Character references such as &#7; or &#x202E; in a
 * dispatch would otherwise bring back what cleanText removed from the file.
 */
import type { Root } from 'hast';
import { visit } from 'unist-util-visit';
import { cleanText } from '#src/dispatch/text.ts';

export default function rehypeCleanText() {
  return (tree: Root) => {
    visit(tree, (node) => {
      if (node.type === 'text') node.value = cleanText(node.value);
      else if (node.type === 'element') {
        for (const [name, value] of Object.entries(node.properties)) {
          if (typeof value === 'string') node.properties[name] = cleanText(value);
        }
      }
    });
  };
}
