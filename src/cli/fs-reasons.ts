// What the file system says, in words: the reason an errno code gives, and what a path
// that is not a regular file is. Small, for every command (the store's errors use it);
// cli/files.ts reads and writes the user's files with it.
import type { Stats } from 'node:fs';

/** The reason an errno code gives, in words ('permission denied'); the code itself when it is not one of these. */
export function errnoReason(code: string | undefined): string {
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'read-only file system';
    case 'ENOSPC':
      return 'no space left on the disk';
    case 'EDQUOT':
      return 'disk quota exceeded';
    case 'ENOENT':
      return 'no such file or folder';
    case 'EISDIR':
      return 'a folder, not a file';
    case 'ENOTDIR':
      return 'a part of the path is a file, not a folder';
    case 'ELOOP':
      return 'too many symbolic links';
    case 'ENAMETOOLONG':
      return 'the name is too long';
    case 'EIO':
      return 'input/output error (a failing disk?)';
    case 'EMFILE':
    case 'ENFILE':
      return 'too many open files';
    case 'EBUSY':
      return 'busy';
    case 'EEXIST':
      return 'it exists already';
    case 'ETXTBSY':
      return 'in use';
    case 'EFBIG':
      return 'file too large';
    default:
      return code ?? 'unknown error';
  }
}

/** The errno code of an error, if it has one. */
export const codeOf = (e: unknown): string | undefined => (e as NodeJS.ErrnoException | null)?.code;

/** What a path that is not a regular file is, in words, or null for a regular file. */
export function notAFile(st: Stats): string | null {
  if (st.isFile()) return null;
  if (st.isDirectory()) return 'a folder, not a file';
  if (st.isFIFO()) return 'a pipe, not a file';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device, not a file';
  if (st.isSocket()) return 'a socket, not a file';
  return 'not a regular file';
}
