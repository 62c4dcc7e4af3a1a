import { describe, expect, it } from 'vitest';
import { linkOriginProblem } from './link-origin.js';

describe('linkOriginProblem', () => {
  it.each([
    ['https://hadir.tangsel.go.id', null],
    ['https://hadir.tangsel.go.id:8443', null],
    ['https://203.0.113.7', null],
    ['https://[2001:db8::1]', null],
    ['http://localhost:8080', 'local'],
    ['https://localhost', 'local'],
    ['http://app.localhost:5173', 'local'],
    ['http://127.0.0.1:8080', 'local'],
    ['http://127.8.9.10', 'local'],
    ['http://0.0.0.0:8080', 'local'],
    ['http://[::1]:8080', 'local'],
    ['http://[::ffff:127.0.0.1]', 'local'],
    ['http://10.0.0.5', 'private'],
    ['http://172.16.0.1', 'private'],
    ['http://172.31.255.254', 'private'],
    ['http://192.168.1.20:8080', 'private'],
    ['https://192.168.1.20', 'private'],
    ['http://169.254.10.1', 'private'],
    ['http://[fc00::1]', 'private'],
    ['http://[fd12:3456::1]', 'private'],
    ['http://[fe80::1]', 'private'],
    ['http://laptop-panitia.local', 'private'],
    ['http://laptop-panitia', 'private'],
    ['http://172.15.0.1', 'plain-http'],
    ['http://172.32.0.1', 'plain-http'],
    ['http://hadir.tangsel.go.id', 'plain-http'],
    ['http://203.0.113.7', 'plain-http'],
    ['ftp://hadir.example', 'invalid'],
    ['bukan alamat', 'invalid'],
  ])('%s → %s', (origin, problem) => {
    expect(linkOriginProblem(origin)).toBe(problem);
  });
});
