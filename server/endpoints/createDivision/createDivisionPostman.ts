import type { PostmanFolderSpec } from '../../core/examples.js';
import { merchantRequest, merchantVariables, sampleAddress } from '../../merchants/merchantExamples.js';

const owner = { firstName: 'Udin', lastName: 'Sukiman' };
const pics = [{ picName: 'John', picPosition: 'CTO' }];

const createDivisionRequest = (overrides: Record<string, unknown> = {}) =>
  merchantRequest('/dana/merchant/division/createDivision.htm', 'dana.merchant.division.createDivision', {
    apiVersion: '3',
    merchantId: '{{merchantId}}',
    parentRoleType: 'MERCHANT',
    divisionName: 'Divisi Postman',
    divisionAddress: sampleAddress,
    divisionType: 'REGION',
    externalDivisionId: '{{$guid}}',
    extInfo: { PIC_EMAIL: 'pic@merchant.example', PIC_PHONENUMBER: '62-81234567890' },
    mccCodes: ['0783'],
    businessDocs: [{ docType: 'KTP', docId: '3172010000000000', docFile: 'JVBERi0xLjMNCg==' }],
    businessEntity: 'individu',
    ownerName: owner,
    ownerPhoneNumber: { mobileNo: '62800000000', mobileId: 'mobileId', verified: 'true' },
    ownerIdType: 'KTP',
    ownerIdNo: '3172010000000000',
    ownerAddress: sampleAddress,
    directorPics: pics,
    nonDirectorPics: pics,
    sizeType: 'URE',
    ...overrides,
  });

/** The createDivision folder: a fresh externalDivisionId each run, the seeded one to see the duplicate code. */
export const createDivisionPostman: PostmanFolderSpec = {
  name: 'createDivision',
  description:
    "DANA's Open API envelope (always HTTP 200; the result is response.body.resultInfo). DANA issues the divisionId; externalDivisionId is unique per merchant.",
  base: createDivisionRequest(),
  variables: merchantVariables,
  items: [
    { name: 'Division created: SUCCESS', request: createDivisionRequest(), expect: { code: 'SUCCESS' } },
    {
      name: 'externalDivisionId already used: ROLE_HAS_EXIST',
      request: createDivisionRequest({ externalDivisionId: 'demo-division' }),
      expect: { code: 'ROLE_HAS_EXIST' },
    },
    {
      name: 'Unknown parent division: DIVISION_NOT_EXIST',
      request: createDivisionRequest({ parentRoleType: 'DIVISION', parentDivisionId: '216620000000000099999' }),
      expect: { code: 'DIVISION_NOT_EXIST' },
    },
    {
      name: 'Missing ownerIdNo',
      request: createDivisionRequest({ ownerIdNo: undefined }),
      expect: { code: 'PARAM_MISSING' },
    },
    {
      name: 'Bad signature',
      request: createDivisionRequest(),
      expect: { code: 'INVALID_SIGNATURE' },
      spoilSignature: true,
    },
    'scenarios',
  ],
};
