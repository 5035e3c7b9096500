import { useEffect, useRef } from 'react';
import { Route, Routes, useLocation, useNavigate } from 'react-router';
import { MESSAGES, onSessionExpired } from './api/client';
import { ErrorBoundary } from './components/ErrorBoundary';
import { NavBar } from './components/NavBar';
import { FlashMessages, FlashProvider, useFlash } from './flash/FlashContext';
import { About } from './pages/About';
import { AdminExercises, AdminOnly } from './pages/Admin';
import { AllUsers } from './pages/AllUsers';
import { ExerciseForm } from './pages/ExerciseForm';
import { Exercises } from './pages/Exercises';
import { Login } from './pages/Login';
import { Logout } from './pages/Logout';
import { NotFound } from './pages/NotFound';
import { Progress } from './pages/Progress';
import { Register } from './pages/Register';
import { Status } from './pages/Status';
import { SessionProvider } from './session/SessionContext';

/** A session that can no longer be refreshed ends on the Login page, with a message saying why. */
function SessionExpiry() {
  const flash = useFlash();
  const navigate = useNavigate();
  useEffect(
    () =>
      onSessionExpired(() => {
        flash.show(MESSAGES.sessionExpired, 'danger');
        navigate('/login');
      }),
    [flash, navigate],
  );
  return null;
}

/**
 * After an in-app navigation, focus moves to the main content so keyboard and screen-reader users start on the new
 * page instead of deep in the old one (the first load keeps the browser's own focus).
 */
function FocusOnNavigate() {
  const { pathname } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    document.getElementById('main')?.focus({ preventScroll: false });
  }, [pathname]);
  return null;
}

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/" element={<Exercises />} />
      <Route path="/exercise/:id" element={<Exercises />} />
      <Route path="/all-users" element={<AllUsers />} />
      <Route path="/about" element={<About />} />
      <Route path="/register" element={<Register />} />
      <Route path="/login" element={<Login />} />
      <Route path="/logout" element={<Logout />} />
      <Route path="/status" element={<Status />} />
      <Route path="/progress" element={<Progress />} />
      <Route path="/admin" element={<AdminOnly><AdminExercises /></AdminOnly>} />
      <Route path="/admin/exercises/new" element={<AdminOnly><ExerciseForm /></AdminOnly>} />
      <Route path="/admin/exercises/:id/edit" element={<AdminOnly><ExerciseForm /></AdminOnly>} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}

/** The whole UI below a router (BrowserRouter in the app, MemoryRouter in tests). */
export function App() {
  const location = useLocation();
  return (
    <SessionProvider>
      <FlashProvider>
        <SessionExpiry />
        <FocusOnNavigate />
        <a className="skip-link" href="#main">Skip to content</a>
        <NavBar />
        <main id="main" className="container" tabIndex={-1}>
          <FlashMessages />
          {/* keyed by path: a page that failed to render does not keep the next page blank */}
          <ErrorBoundary key={location.pathname}>
            <AppRoutes />
          </ErrorBoundary>
        </main>
      </FlashProvider>
    </SessionProvider>
  );
}
