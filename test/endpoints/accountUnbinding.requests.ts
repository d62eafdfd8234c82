export const accountUnbindingPath = '/v1.0/registration-account-unbinding.htm';
