// Copies the browser builds of the vendored npm packages, with their licence
// files, from node_modules into static/vendor/ and writes
// static/vendor/README.md from the installed versions.
//
// Run through `npm run build` after `npm ci`.

import { copyFile, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const frontendDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const nodeModulesDir = path.join(frontendDir, "node_modules");
const vendorDir = path.resolve(frontendDir, "..", "static", "vendor");

// Each entry copies `files` (paths inside the npm package) into
// static/vendor/<dir>/. A file's target is its path relative to `base`.
const vendorPackages = [
  {
    npmName: "bootstrap",
    dir: "bootstrap",
    base: "dist/js",
    files: ["dist/js/bootstrap.bundle.min.js"],
    license: "LICENSE",
    purpose: "JavaScript plugins (collapse, dropdown, modal, offcanvas, toast and others) with Popper included.",
  },
  {
    npmName: "bootstrap-icons",
    dir: "bootstrap-icons",
    base: "font",
    // The font and stylesheet are cut down to the icons the templates use by
    // scripts/subset_icons.py, so only the licence is copied from here.
    files: [],
    license: "LICENSE",
    purpose:
      "Icon font (woff2) and the stylesheet that defines the `bi bi-*` classes, " +
      "subset to the icons the templates use by `frontend/scripts/subset_icons.py` " +
      "(rerun it after adding an icon).",
  },
  {
    npmName: "htmx.org",
    dir: "htmx",
    base: "dist",
    files: ["dist/htmx.min.js"],
    license: "LICENSE",
    purpose:
      "Sends requests from `hx-*` attributes and swaps the returned HTML into the page. " +
      "Pinned to the 2.x line on purpose: `npm install htmx.org` without a version installs " +
      "4.x, a new major version that the templates are not written for.",
  },
];

// Matches a trailing `//# sourceMappingURL=...` line. The .map files are not
// vendored, and Django's ManifestStaticFilesStorage fails collectstatic when
// such a comment names a file that does not exist.
const sourceMapComment = /\n\/\/# sourceMappingURL=\S+\s*$/;

async function readPackageJson(npmName) {
  const packageJsonPath = path.join(nodeModulesDir, npmName, "package.json");
  if (!existsSync(packageJsonPath)) {
    throw new Error(`${packageJsonPath} not found: run "npm ci" in ${frontendDir} first.`);
  }
  return JSON.parse(await readFile(packageJsonPath, "utf8"));
}

async function copyVendorFile(sourcePath, targetPath) {
  if (!existsSync(sourcePath)) {
    throw new Error(
      `${sourcePath} not found: update vendorPackages in scripts/copy-vendor.mjs ` +
        "to the file names that the installed package version ships.",
    );
  }
  await mkdir(path.dirname(targetPath), { recursive: true });
  if (targetPath.endsWith(".js")) {
    const source = await readFile(sourcePath, "utf8");
    await writeFile(targetPath, source.replace(sourceMapComment, "\n"));
  } else {
    await copyFile(sourcePath, targetPath);
  }
}

// Measures a file's size in bytes and its size after gzip at level 9, the
// highest gzip level.
async function measureFile(filePath) {
  const content = await readFile(filePath);
  return { bytes: content.length, gzipBytes: gzipSync(content, { level: 9 }).length };
}

// Formats a size in KB of 1,000 bytes.
function formatKilobytes(bytes) {
  return `${(bytes / 1000).toFixed(1)} KB`;
}

async function copyPackage(entry) {
  const packageJson = await readPackageJson(entry.npmName);
  const packageDir = path.join(nodeModulesDir, entry.npmName);
  const targetDir = path.join(vendorDir, entry.dir);

  // Start from an empty folder, so files dropped from the list do not linger.
  await rm(targetDir, { recursive: true, force: true });

  const copiedFiles = [];
  for (const file of entry.files) {
    const relativeTarget = path.relative(entry.base, file);
    const targetPath = path.join(targetDir, relativeTarget);
    await copyVendorFile(path.join(packageDir, file), targetPath);
    copiedFiles.push({ name: relativeTarget, ...(await measureFile(targetPath)) });
  }
  await copyVendorFile(path.join(packageDir, entry.license), path.join(targetDir, entry.license));

  return { ...entry, version: packageJson.version, licenseName: packageJson.license, copiedFiles };
}

function renderReadme(copiedPackages) {
  const packageRows = copiedPackages.map(
    (entry) =>
      `| \`${entry.dir}/\` | \`${entry.npmName}\` | ${entry.version} | ${entry.licenseName} | \`${entry.dir}/${entry.license}\` |`,
  );
  const fileRows = copiedPackages.flatMap((entry) =>
    entry.copiedFiles.map(
      (file) =>
        `| \`${entry.dir}/${file.name}\` | ${formatKilobytes(file.bytes)} | ${formatKilobytes(file.gzipBytes)} |`,
    ),
  );
  const packageNotes = copiedPackages.map((entry) => `- **${entry.npmName}**: ${entry.purpose}`);

  return `# Vendored front-end libraries

The files in this folder come from the npm packages below, with the exact
versions pinned in \`frontend/package.json\` and \`frontend/package-lock.json\`.
The site serves them directly, so running it needs no Node.js or npm.

| folder | npm package | version | licence | licence file |
| --- | --- | --- | --- | --- |
${packageRows.join("\n")}

${packageNotes.join("\n")}

The files are copied unchanged, except that the trailing
\`//# sourceMappingURL=\` comment is removed from JavaScript files. The
source maps are not vendored, and Django's ManifestStaticFilesStorage fails
\`collectstatic\` when such a comment names a missing file.

## Regenerating

\`\`\`sh
cd frontend && npm ci && npm run build
\`\`\`

\`npm run build\` compiles \`frontend/scss/ecobiz.scss\` to
\`static/css/ecobiz.min.css\`, replaces the package folders listed above
and rewrites this README. The README comes from
\`frontend/scripts/copy-vendor.mjs\`, so edit that script, not this file.
To upgrade a package, change its version in \`frontend/package.json\`, run
\`npm install\` there and then \`npm run build\`.

\`frontend/.npmrc\` sets \`ignore-scripts=true\`, so \`npm ci\` runs no
install script of any dependency. The build needs none of them.

## Files and sizes

Sizes as written by the last \`npm run build\`, in KB of 1,000 bytes. The
gzip column is Node's zlib at level 9. The icon fonts are already
compressed. A browser fetches one of them once, on the first page that
shows an icon, and then reads it from its cache.

| file | size | gzip -9 |
| --- | --- | --- |
${fileRows.join("\n")}
`;
}

const copiedPackages = [];
for (const entry of vendorPackages) {
  copiedPackages.push(await copyPackage(entry));
}
await writeFile(path.join(vendorDir, "README.md"), renderReadme(copiedPackages));

for (const entry of copiedPackages) {
  console.log(`copied ${entry.npmName} ${entry.version} to static/vendor/${entry.dir}/`);
}
