// `/`-separated path arithmetic for model file paths, without `node:path` (the core bundles for
// the browser). Same results as Node's `path.posix` for the functions it has.
//
//   normalize("specs/./a/../common.yaml") → "specs/common.yaml"
//   join("specs/v1", "../common.yaml")    → "specs/common.yaml"
//   dirname("specs/pets.yaml")            → "specs"
//   basename("specs/pets.yaml")           → "pets.yaml"

/** Resolves `.` and `..` segments and repeated slashes; keeps a leading `/` and a trailing one. */
export function normalize(path: string): string {
  if (path === "") return ".";
  const absolute = path.startsWith("/");
  const trailing = path.endsWith("/");
  const out: string[] = [];
  for (const segment of path.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") {
      if (out.length > 0 && out[out.length - 1] !== "..") out.pop();
      else if (!absolute) out.push("..");
      continue;
    }
    out.push(segment);
  }
  let result = out.join("/");
  if (result === "") return absolute ? "/" : trailing ? "./" : ".";
  if (trailing) result += "/";
  return absolute ? "/" + result : result;
}

/** Joins the non-empty parts with `/` and normalizes the result. */
export function join(...parts: readonly string[]): string {
  const joined = parts.filter((p) => p !== "").join("/");
  return joined === "" ? "." : normalize(joined);
}

/** Everything before the last `/` (trailing slashes ignored); `.` when there is none. */
export function dirname(path: string): string {
  if (path === "") return ".";
  const hasRoot = path.startsWith("/");
  let end = -1;
  let matchedSlash = true;
  for (let i = path.length - 1; i >= 1; i--) {
    if (path[i] === "/") {
      if (!matchedSlash) {
        end = i;
        break;
      }
    } else {
      matchedSlash = false;
    }
  }
  if (end === -1) return hasRoot ? "/" : ".";
  if (hasRoot && end === 1) return "//";
  return path.slice(0, end);
}

/** The last segment, trailing slashes ignored. */
export function basename(path: string): string {
  let end = path.length;
  while (end > 0 && path[end - 1] === "/") end--;
  if (end === 0) return "";
  return path.slice(path.lastIndexOf("/", end - 1) + 1, end);
}
