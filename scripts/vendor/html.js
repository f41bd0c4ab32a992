// dist/vendor/html.js: the HTML parser and the mdast converters, loaded by server/src/core/vendor.ts
// when a run meets an HTML page (an audit, a saved page).
module.exports = {
	unified: require('unified').unified,
	rehypeParse: require('rehype-parse').default,
	toMdast: require('hast-util-to-mdast').toMdast,
	toMarkdown: require('mdast-util-to-markdown').toMarkdown,
	gfmTableToMarkdown: require('mdast-util-gfm-table').gfmTableToMarkdown,
	gfmStrikethroughToMarkdown: require('mdast-util-gfm-strikethrough').gfmStrikethroughToMarkdown,
};
