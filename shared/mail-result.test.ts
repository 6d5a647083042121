import { describe, expect, it } from 'vitest';
import {
  conciseDetail,
  DEVICE_CODES,
  DIAGNOSES,
  DIAGNOSIS_IDS,
  deviceCodeOf,
  isTemporaryFailure,
  type DeviceCode,
  type DiagnosisId,
} from './mail-result';

/** The device's code for each kind of failure, as the product specification lists them. */
const EXPECTED_CODES: Record<DeviceCode, DiagnosisId[]> = {
  "can't connect to server!": [
    'hostNotFound',
    'dnsFailed',
    'connectionRefused',
    'connectionTimedOut',
    'tlsHandshakeFailed',
    'certificateUntrusted',
    'certificateHostMismatch',
    'certificateExpired',
    'certificateChanged',
    'tlsOnPlainPort',
    'plainOnTlsPort',
    'noGreeting',
  ],
  'SMTP_helo fail': ['greetingRefused', 'ehloRefused'],
  'SMTP_meet fail': ['starttlsNotOffered', 'starttlsRefused', 'authMethodsUnsupported', 'authNotOffered', 'encryptionRequired'],
  'SMTP_from fail': [
    'authFailed',
    'appPasswordRequired',
    'basicAuthDisabled',
    'authRequired',
    'senderRefused',
    'senderNotAllowedForLogin',
    'senderNeedsSmtputf8',
  ],
  'SMTP_rcpt fail': ['recipientRefused', 'recipientNeedsSmtputf8', 'noRecipient'],
};

describe('DIAGNOSES', () => {
  it.each(Object.entries(EXPECTED_CODES))('maps to %s', (code, diagnoses) => {
    for (const diagnosis of diagnoses) expect(deviceCodeOf(diagnosis), diagnosis).toBe(code);
  });

  it('uses only device codes', () => {
    for (const id of DIAGNOSIS_IDS) expect(DEVICE_CODES).toContain(DIAGNOSES[id].deviceCode);
  });

  it('spells device codes as the device', () => {
    expect(DEVICE_CODES).toEqual(["can't connect to server!", 'SMTP_helo fail', 'SMTP_meet fail', 'SMTP_from fail', 'SMTP_rcpt fail']);
  });
});

describe('isTemporaryFailure', () => {
  it('treats 4xx replies as temporary', () => {
    expect(isTemporaryFailure({ diagnosis: 'authFailed', serverReply: '454 4.7.0 Temporary authentication failure' })).toBe(true);
  });

  it('treats 5xx replies as permanent', () => {
    expect(isTemporaryFailure({ diagnosis: 'greetingRefused', serverReply: '554 5.7.1 blocked' })).toBe(false);
    expect(isTemporaryFailure({ diagnosis: 'connectionLost', serverReply: '500 Error' })).toBe(false);
  });

  it('falls back to the diagnosis without reply', () => {
    expect(isTemporaryFailure({ diagnosis: 'connectionRefused' })).toBe(true);
    expect(isTemporaryFailure({ diagnosis: 'certificateUntrusted' })).toBe(false);
    expect(isTemporaryFailure({ diagnosis: 'hostNotFound' })).toBe(false);
  });
});

describe('conciseDetail', () => {
  it('keeps the code of an OpenSSL error', () => {
    const detail =
      'ERR_SSL_WRONG_VERSION_NUMBER 809CE6FD9F7F0000:error:0A00010B:SSL routines:ssl3_get_record:wrong version number:../deps/openssl/openssl/ssl/record/ssl3_record.c:350:\n';
    expect(conciseDetail(detail)).toBe('ERR_SSL_WRONG_VERSION_NUMBER');
  });

  it('keeps the reason of an OpenSSL error without code', () => {
    const detail = 'C0E7B1F7A57F0000:error:0A000410:SSL routines:ssl3_read_bytes:sslv3 alert handshake failure:../deps/openssl/openssl/ssl/record/rec_layer_s3.c:1605:SSL alert number 40';
    expect(conciseDetail(detail)).toBe('sslv3 alert handshake failure');
  });

  it('keeps the first line only', () => {
    expect(conciseDetail('ECONNRESET read ECONNRESET\n    at TLSWrap.onStreamRead')).toBe('ECONNRESET read ECONNRESET');
  });

  it('leaves a one-line detail as it is', () => {
    expect(conciseDetail('offered: CRAM-MD5')).toBe('offered: CRAM-MD5');
    expect(conciseDetail('127.0.0.1:25: ECONNREFUSED')).toBe('127.0.0.1:25: ECONNREFUSED');
  });
});
