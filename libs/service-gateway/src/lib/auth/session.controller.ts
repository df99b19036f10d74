import { Body, Controller, Delete, Get, HttpCode, HttpException, HttpStatus, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import type { SessionOptions, SessionResponse } from '@mileva/contracts';
import { DevSignInRequestSchema } from '@mileva/contracts/validation';
import type { Request, Response } from 'express';
import { parseBody } from '../http/parse-body';
import { PseudonymSessionStore } from '../questions/pseudonym-session.store';
import { OidcService } from './oidc.service';
import { CurrentUser, UserGuard } from './request-user';
import { SessionService } from './session.service';
import { devUser, type RequestUser } from './user';

/**
 * Sign-in of the portal: who is signed in, the development sign-in (pick a role and an académie;
 * never in production), the identity provider round trip, and sign-out.
 */
@Controller('v1/session')
export class SessionController {
  constructor(
    private readonly sessions: SessionService,
    private readonly oidc: OidcService,
    private readonly pseudonyms: PseudonymSessionStore,
  ) {}

  @Get()
  @UseGuards(UserGuard)
  current(@CurrentUser() user: RequestUser): SessionResponse {
    return this.describe(user);
  }

  /** Public: what the sign-in page offers. */
  @Get('options')
  options(): SessionOptions {
    return this.sessions.options();
  }

  /** Public, development mode only: signs in as the role and académie picked. */
  @Post('dev')
  @HttpCode(HttpStatus.OK)
  signInForDevelopment(@Body() body: unknown, @Res({ passthrough: true }) response: Response): SessionResponse {
    if (this.sessions.mode !== 'dev') {
      throw new HttpException({ code: 'NOT_FOUND', message: 'Connexion de développement désactivée : connectez-vous avec votre compte.' }, HttpStatus.NOT_FOUND);
    }
    const request = parseBody(DevSignInRequestSchema, body, 'Connexion refusée : corrigez les champs indiqués.');
    const user = devUser(request.role, request.academie);
    if (!user) throw new HttpException({ code: 'BAD_REQUEST', message: `Académie inconnue : « ${request.academie} ».` }, HttpStatus.BAD_REQUEST);
    this.sessions.signIn(response, user);
    return this.describe(user);
  }

  /** Public: ends the browser session and forgets the values masked in its conversations. */
  @Delete()
  @HttpCode(HttpStatus.NO_CONTENT)
  signOut(@Req() request: Request, @Res({ passthrough: true }) response: Response): void {
    const user = this.sessions.authenticate(request);
    if (user) this.pseudonyms.forgetUser(user.id);
    this.sessions.signOut(response);
  }

  /** Public: leaves for the identity provider. */
  @Get('oidc/login')
  async login(@Query('returnTo') returnTo: unknown, @Res() response: Response): Promise<void> {
    const { url, transaction } = await this.oidc.authorizationUrl(returnTo);
    this.sessions.startTransaction(response, transaction);
    response.redirect(HttpStatus.FOUND, url);
  }

  /** Public: the identity provider sends the browser back here with a code. */
  @Get('oidc/callback')
  async callback(@Req() request: Request, @Res() response: Response): Promise<void> {
    const transaction = this.sessions.takeTransaction(request, response);
    const query = request.originalUrl.includes('?') ? request.originalUrl.slice(request.originalUrl.indexOf('?')) : '';
    const user = await this.oidc.complete(query, transaction);
    this.sessions.signIn(response, user);
    response.redirect(HttpStatus.FOUND, transaction?.returnTo ?? '/');
  }

  private describe(user: RequestUser): SessionResponse {
    return { user: { id: user.id, academie: user.academie, role: user.role, ...(user.name ? { name: user.name } : {}) }, mode: this.sessions.mode };
  }
}
