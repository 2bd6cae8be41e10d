import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ipv6Bytes, isLoopback, isPublicAddress } from '../../src/modules/delivery/addresses.js';

const notPublic = (list: string[]) => {
  for (const address of list) assert.equal(isPublicAddress(address), false, `${address} must not be public`);
};
const isPublic = (list: string[]) => {
  for (const address of list) assert.equal(isPublicAddress(address), true, `${address} is public`);
};

test('IPv4: private, loopback, link-local, metadata, CGNAT, this-network, documentation, multicast, broadcast', () => {
  notPublic([
    '0.0.0.0',
    '0.1.2.3',
    '10.0.0.0',
    '10.255.255.255',
    '100.64.0.1',
    '100.127.255.254',
    '127.0.0.1',
    '127.255.255.254',
    '169.254.0.1',
    '169.254.169.254',
    '172.16.0.1',
    '172.31.255.255',
    '192.0.0.8',
    '192.0.2.1',
    '192.88.99.1',
    '192.168.0.1',
    '192.168.255.255',
    '198.18.0.1',
    '198.19.255.255',
    '198.51.100.1',
    '203.0.113.1',
    '224.0.0.1',
    '239.255.255.250',
    '240.0.0.1',
    '255.255.255.255',
  ]);
});

test('IPv4: the addresses just outside those ranges are public', () => {
  isPublic([
    '1.1.1.1',
    '8.8.8.8',
    '9.255.255.255',
    '11.0.0.0',
    '100.63.255.255',
    '100.128.0.0',
    '126.255.255.255',
    '128.0.0.0',
    '169.253.255.255',
    '169.255.0.0',
    '172.15.255.255',
    '172.32.0.0',
    '192.167.255.255',
    '192.169.0.0',
    '198.17.255.255',
    '198.20.0.0',
    '223.255.255.255',
  ]);
});

test('IPv6: loopback, unspecified, unique local, link-local, site-local, multicast, documentation, Teredo, discard', () => {
  notPublic([
    '::',
    '::1',
    '0:0:0:0:0:0:0:1',
    'fc00::1',
    'fd00:ec2::254',
    'fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff',
    'fe80::1',
    'FE80::1',
    'fe80::1%eth0',
    'febf::1',
    'fec0::1',
    'ff02::1',
    'ff05::1:3',
    '100::1',
    '2001::1',
    '2001:db8::1',
    '3fff::1',
    '64:ff9b:1::1',
  ]);
});

test('IPv6 spellings of IPv4 addresses are judged by the IPv4 address: mapped, translated, compatible, NAT64, 6to4', () => {
  notPublic([
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::FFFF:7F00:1',
    '0:0:0:0:0:ffff:7f00:1',
    '0:0:0:0:0:ffff:127.0.0.1',
    '::ffff:10.0.0.1',
    '::ffff:a9fe:a9fe',
    '::ffff:0.0.0.0',
    '::ffff:100.64.0.1',
    '::ffff:255.255.255.255',
    '::ffff:0:7f00:1',
    '::7f00:1',
    '::127.0.0.1',
    '64:ff9b::a9fe:a9fe',
    '64:ff9b::10.0.0.1',
    '64:ff9b:0:0:0:0:7f00:1',
    '2002:7f00:1::',
    '2002:a9fe:a9fe::1',
    '2002:c0a8:101::1',
  ]);
  isPublic(['::ffff:8.8.8.8', '::ffff:808:808', '64:ff9b::808:808', '2002:808:808::1']);
});

test('IPv6: global unicast is public', () => {
  isPublic(['2606:4700:4700::1111', '2001:4860:4860::8888', '2a00:1450:4001:80b::200e', '2001:200::1']);
});

test('what is not an IP address is never public', () => {
  notPublic(['', 'localhost', 'example.com', '1.2.3', '::g', '[::1]', '1.2.3.4.5']);
});

test('loopback: 127/8, ::1 and its IPv4-mapped spellings, nothing routed elsewhere', () => {
  for (const address of ['127.0.0.1', '127.1.2.3', '::1', '0:0:0:0:0:0:0:1', '::ffff:127.0.0.1', '::ffff:7f00:1'])
    assert.equal(isLoopback(address), true, address);
  for (const address of ['10.0.0.1', '8.8.8.8', '::', '2002:7f00:1::', '64:ff9b::7f00:1', 'localhost', ''])
    assert.equal(isLoopback(address), false, address);
});

test('IPv6 addresses read as bytes, however they are written', () => {
  const hex = (address: string) => Buffer.from(ipv6Bytes(address)!).toString('hex');
  assert.equal(hex('::'), '0'.repeat(32));
  assert.equal(hex('::1'), `${'0'.repeat(30)}01`);
  assert.equal(hex('::ffff:127.0.0.1'), `${'0'.repeat(20)}ffff7f000001`);
  assert.equal(hex('0:0:0:0:0:ffff:7f00:1'), hex('::ffff:127.0.0.1'));
  assert.equal(hex('2001:db8::8a2e:370:7334'), '20010db8000000000000' + '8a2e03707334');
  assert.equal(hex('fe80::'), `fe80${'0'.repeat(28)}`);
  assert.equal(ipv6Bytes('127.0.0.1'), undefined);
  assert.equal(ipv6Bytes('fe80::1%eth0'), undefined);
});
