import { writeGenerated } from './generated';

const written = writeGenerated();
process.stdout.write(written.length ? `updated ${written.join(', ')}\n` : 'generated files are up to date\n');
