import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importText } from '../../shared/import/import-text';
import { negotiationFromImport } from '../../shared/model/from-import';
import type { Negotiation } from '../../shared/model/negotiation';

/**
 * Whether an external tool is installed. On CI (CI=true) a missing tool throws, so the suite fails
 * instead of skipping; elsewhere the reason is printed and the caller skips.
 */
export function hasTool(name: string, path = `/usr/bin/${name}`): boolean {
  if (existsSync(path)) return true;
  if (process.env.CI === 'true') throw new Error(`${name} is not installed (${path}); the export tests need it on CI.`);
  console.warn(`skipping: ${name} is not installed (${path})`);
  return false;
}

/** Runs a command, returning its stdout; throws with its stderr when it fails. */
export function run(command: string, args: string[], options: { cwd?: string; timeout?: number } = {}): string {
  return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: options.timeout ?? 120_000, cwd: options.cwd });
}

/** A seed imported as a negotiation. */
export function seedNegotiation(seed: string): Negotiation {
  const text = readFileSync(new URL(`../../../shared/seeds/${seed}.txt`, import.meta.url), 'utf8');
  return negotiationFromImport(importText(text, { source: seed }), { id: seed });
}

/** Whitespace squashed, for comparing extracted text. */
export const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** A LibreOffice Basic macro that opens a document, runs Reject All (or Accept All) and saves it as text. */
const REVIEW_MACRO = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">
Sub Review(path As String, command As String, out As String)
  Dim load(0) As New com.sun.star.beans.PropertyValue
  load(0).Name = &quot;Hidden&quot;
  load(0).Value = True
  doc = StarDesktop.loadComponentFromURL(ConvertToURL(path), &quot;_blank&quot;, 0, load())
  helper = createUnoService(&quot;com.sun.star.frame.DispatchHelper&quot;)
  helper.executeDispatch(doc.getCurrentController().getFrame(), &quot;.uno:&quot; &amp; command, &quot;&quot;, 0, Array())
  Dim store(0) As New com.sun.star.beans.PropertyValue
  store(0).Name = &quot;FilterName&quot;
  store(0).Value = &quot;Text&quot;
  doc.storeToURL(ConvertToURL(out), store())
  doc.close(True)
End Sub
</script:module>
`;

/**
 * Opens a .docx in LibreOffice, runs Reject All Tracked Changes or Accept All on it as a person would
 * from the Edit menu, and returns the document's text (list numbers included). `profile` must be a
 * LibreOffice user installation that has already started once (a conversion made with it will do).
 */
export function reviewInLibreOffice(profile: string, docx: string, command: 'RejectAllTrackedChanges' | 'AcceptAllTrackedChanges'): string {
  writeFileSync(join(profile, 'user/basic/Standard/Module1.xba'), REVIEW_MACRO);
  const out = `${docx}.${command}.txt`;
  run('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${profile}`, `macro:///Standard.Module1.Review("${docx}","${command}","${out}")`], { timeout: 180_000 });
  return readFileSync(out, 'utf8').replace(/^\uFEFF/, '');
}
