import type { Node, Parent } from 'mdast';

/**
 * Visit every node in document order without recursion (20,000 nested block quotes must not
 * overflow the stack). Return `false` from `enter` to skip a node's children.
 */
export function walk(root: Node, enter: (node: Node, parent: Parent | undefined) => boolean | void): void {
	const stack: { node: Node; parent: Parent | undefined }[] = [{ node: root, parent: undefined }];
	while (stack.length) {
		const { node, parent } = stack.pop()!;
		if (enter(node, parent) === false) continue;
		const children = (node as Parent).children;
		if (children)
			for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i], parent: node as Parent });
	}
}
