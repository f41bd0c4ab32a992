import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import type { Root } from 'mdast';

/** One frozen processor for the process: freezing registers the micromark extensions once. */
const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).freeze();

/** Parse Markdown (CommonMark + GFM + YAML front matter) to mdast with positions. */
export function parseMarkdown(text: string): Root {
	return processor.parse(text);
}
