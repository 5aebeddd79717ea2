import { net, protocol } from 'electron';
import { pathToFileURL } from 'node:url';
import { appScheme } from '../../common/security/trustedUrl';
import { securityHeaders } from '../../common/security/csp';
import { contentTypeOf, resolveAppFile } from './protocol';

/** Serves the built renderer on app:// with the app's CSP and security headers on every response. */
export function serveAppProtocol(rendererRoot: string): void {
  protocol.handle(appScheme, async (request) => {
    const file = resolveAppFile(rendererRoot, request.url);
    if (!file) return new Response('Not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString());
    if (!response.ok) return new Response('Not found', { status: 404 });
    return new Response(response.body, { status: 200, headers: { 'Content-Type': contentTypeOf(file), ...securityHeaders } });
  });
}
